package parbench.bench.model;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * {@link ForkJoinPool#commonPool()} as users get it ({@code CompletableFuture.supplyAsync}
 * without an executor): its parallelism is the JVM's (processors - 1 by default, at least 1),
 * never {@code n_jobs}, which is ignored. On 2 cores that is one worker, so blocking tasks run
 * one at a time. Inputs are handed over in chunks of {@link ModelSettings#chunkSize()}.
 * {@link #close()} cannot shut the common pool down; it waits for it to be quiescent.
 */
final class CommonPoolModel extends ExecutorModel {

    CommonPoolModel(ModelSettings settings) {
        super(ModelType.COMMON_POOL, settings);
    }

    @Override
    public int parallelism() {
        return ForkJoinPool.getCommonPoolParallelism();
    }

    @Override
    void launch(int tasks, BatchExecution<?, ?> batch) {
        executeChunks(ForkJoinPool.commonPool(), tasks, batch);
    }

    @Override
    public void close() {
        if (!ForkJoinPool.commonPool().awaitQuiescence(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("closing model '" + name() + "': the common pool was still busy "
                    + CLOSE_TIMEOUT + " later (a task ignoring interrupts?)");
        }
    }
}
