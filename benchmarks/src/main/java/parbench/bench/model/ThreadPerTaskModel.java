package parbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A new platform {@link Thread} per task (Python's {@code threading.Thread} per call). Thread
 * creation and start are part of what it measures. The threads come from
 * {@link Executors#newThreadPerTaskExecutor} so {@link #close()} joins every one it started.
 * Its parallelism is unbounded: every task of a batch gets a thread at once; {@code n_jobs} is
 * ignored.
 */
final class ThreadPerTaskModel extends ExecutorModel {

    private final ExecutorService threads =
            Executors.newThreadPerTaskExecutor(Thread.ofPlatform().name("thread-per-task-", 0).factory());

    ThreadPerTaskModel(ModelSettings settings) {
        super(ModelType.THREAD_PER_TASK, settings);
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
