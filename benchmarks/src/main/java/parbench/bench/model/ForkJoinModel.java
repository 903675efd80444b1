package parbench.bench.model;

import java.util.concurrent.ForkJoinPool;

/**
 * A dedicated {@link ForkJoinPool} of parallelism {@code p}: work-stealing workers, inputs
 * handed over in chunks of {@link ModelSettings#chunkSize()}. Blocking tasks are not
 * compensated ({@code Thread.sleep} is not a managed block), so at most {@code p} run at once.
 */
final class ForkJoinModel extends ExecutorModel {

    private final ForkJoinPool pool;

    ForkJoinModel(ModelSettings settings) {
        super(ModelType.FORK_JOIN, settings);
        this.pool = new ForkJoinPool(settings.parallelism());
    }

    @Override
    void launch(int tasks, BatchExecution<?, ?> batch) {
        executeChunks(pool, tasks, batch);
    }

    @Override
    public void close() {
        shutdownAndAwait(pool);
    }
}
