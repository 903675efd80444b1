package parbench.bench.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import parbench.workload.Workload;

/**
 * The base of every in-process concurrent model: a subclass says only how tasks are
 * {@link #launch launched}; collecting in input order, the time-out and fail-fast live in
 * {@link BatchExecution}.
 *
 * <p>Thread-safety: one batch at a time (a JMH trial runs its batches one after another);
 * {@link #close()} once the last batch returned.
 */
abstract class ExecutorModel implements ConcurrencyModel {

    /** How long {@link #close()} waits for the threads it stops. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final ModelSettings settings;

    ExecutorModel(ModelType type, ModelSettings settings) {
        this(type.modelName(), settings);
    }

    ExecutorModel(String name, ModelSettings settings) {
        this.name = name;
        this.settings = settings;
    }

    /**
     * Starts every task of {@code batch}, indices {@code [0, tasks)}, asynchronously, each through
     * {@link BatchExecution#runTask} or {@link BatchExecution#runRange}, which never throw.
     */
    abstract void launch(int tasks, BatchExecution<?, ?> batch);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public int parallelism() {
        return settings.parallelism();
    }

    @Override
    public final <I, O> List<O> run(Workload<I, O> workload, List<I> inputs) {
        if (inputs.isEmpty()) {
            return List.of();
        }
        var batch = new BatchExecution<>(workload, inputs);
        launch(inputs.size(), batch);
        return batch.await(settings.taskTimeout());
    }

    /**
     * Hands {@code [0, tasks)} to {@code executor} in chunks of {@link ModelSettings#chunkSize()}
     * (joblib's {@code batch_size}): one {@link Executor#execute} per chunk, one count-down per chunk.
     */
    final void executeChunks(Executor executor, int tasks, BatchExecution<?, ?> batch) {
        int chunk = settings.chunkSize();
        if (chunk == 1) {
            executeEach(executor, tasks, batch::runTask);
            return;
        }
        for (int from = 0; from < tasks; from += chunk) {
            int first = from;
            int end = Math.min(tasks, from + chunk);
            executor.execute(() -> batch.runRange(first, end));
        }
    }

    /** Hands every index over as its own task: for models that never batch. */
    static void executeEach(Executor executor, int tasks, IntConsumer task) {
        for (int i = 0; i < tasks; i++) {
            int index = i;
            executor.execute(() -> task.accept(index));
        }
    }

    /**
     * Interrupts {@code executor}'s threads and waits for them to end.
     *
     * @throws IllegalStateException when a thread is still running after {@link #CLOSE_TIMEOUT}
     */
    final void shutdownAndAwait(ExecutorService executor) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("closing model '" + name() + "': its threads were still running "
                        + CLOSE_TIMEOUT + " after shutdown (a task ignoring interrupts?)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
