package parbench.bench.model;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * {@code IntStream.range(0, n).parallel().forEach(...)} as users write it: the stream splits
 * the range itself and runs on the common pool plus the thread that calls {@code forEach}, so up
 * to common-pool parallelism + 1 tasks run at once; {@code n_jobs} and the chunk size are
 * ignored. That calling thread is one platform thread this model owns (the user's "main"), so
 * the batch can be watched for time-outs and handed over as completed. A parallel stream cannot
 * be cancelled: after a failure its remaining elements are skipped, not interrupted mid-split.
 */
final class ParallelStreamModel extends ExecutorModel {

    private final ExecutorService caller =
            Executors.newSingleThreadExecutor(Thread.ofPlatform().name("parallel-stream-caller").factory());

    ParallelStreamModel(ModelSettings settings) {
        super(ModelType.PARALLEL_STREAM, settings);
    }

    @Override
    public int parallelism() {
        return ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    @Override
    void launch(int tasks, BatchExecution<?, ?> batch) {
        caller.execute(() -> IntStream.range(0, tasks).parallel().forEach(batch::runTask));
    }

    @Override
    public void close() {
        shutdownAndAwait(caller);
    }
}
