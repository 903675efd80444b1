package parbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@link Executors#newFixedThreadPool(int)} with {@code p} platform threads (Python's
 * {@code ThreadPoolExecutor}, joblib's threading backend). Inputs are handed over in chunks of
 * {@link ModelSettings#chunkSize()}.
 */
final class FixedPoolModel extends ExecutorModel {

    private final ExecutorService pool;

    FixedPoolModel(ModelSettings settings) {
        super(ModelType.FIXED_POOL, settings);
        this.pool = Executors.newFixedThreadPool(settings.parallelism(), Thread.ofPlatform().name("fixed-pool-", 0).factory());
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
