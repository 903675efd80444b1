package parbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link Executors#newVirtualThreadPerTaskExecutor()}: a virtual thread per task, unbounded;
 * {@code n_jobs} is ignored. Blocking (sleep, socket reads) unmounts the virtual thread, so
 * every task of a batch can wait at once on a handful of carrier threads.
 */
final class VirtualThreadsModel extends ExecutorModel {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    VirtualThreadsModel(ModelSettings settings) {
        super(ModelType.VIRTUAL_THREADS, settings);
    }

    @Override
    public int parallelism() {
        return Integer.MAX_VALUE;
    }

    @Override
    void launch(int tasks, BatchExecution<?, ?> batch) {
        executeEach(threads, tasks, batch::runTask);
    }

    @Override
    public void close() {
        shutdownAndAwait(threads);
    }
}
