package parbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * A virtual thread per task with at most {@code p} tasks in flight: each virtual thread takes a
 * permit of a {@link Semaphore} before its task (JEP 444's advice for limiting concurrency),
 * so the rest wait parked, unmounted, not on a queue.
 */
final class BoundedVirtualThreadsModel extends ExecutorModel {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore permits;

    BoundedVirtualThreadsModel(ModelSettings settings) {
        super(ModelType.VIRTUAL_THREADS_BOUNDED, settings);
        this.permits = new Semaphore(settings.parallelism());
    }

    @Override
    void launch(int tasks, BatchExecution<?, ?> batch) {
        executeEach(threads, tasks, index -> runWithPermit(index, batch));
    }

    private void runWithPermit(int index, BatchExecution<?, ?> batch) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            // Cancelled while waiting: the batch already reported this task.
            Thread.currentThread().interrupt();
            return;
        }
        try {
            batch.runTask(index);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        shutdownAndAwait(threads);
    }
}
