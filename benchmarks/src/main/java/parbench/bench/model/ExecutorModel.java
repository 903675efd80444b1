package parbench.bench.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import parbench.workload.Workload;

/**
 * The base of every in-process concurrent model: a subclass says only how tasks are
 * {@link #launch launched}; submitting, collecting in input order, as-completed hand-over,
 * time-outs, fail-fast cancellation and the collect policy live in {@link BatchExecution}.
 *
 * <p>Thread-safety: one batch at a time (a JMH trial runs its batches one after another);
 * {@link #close()} once the last batch returned.
 */
abstract class ExecutorModel implements ConcurrencyModel {

    /** How long {@link #close()} waits for the threads it stops. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final ModelType type;
    private final ModelSettings settings;

    ExecutorModel(ModelType type, ModelSettings settings) {
        this.type = type;
        this.settings = settings;
    }

    /**
     * Starts {@code task} for every index in {@code [0, tasks)}, asynchronously, and returns
     * handles that cancel what has not started yet. {@code task} never throws.
     */
    abstract List<? extends Future<?>> launch(int tasks, IntConsumer task);

    final ModelSettings settings() {
        return settings;
    }

    @Override
    public final String name() {
        return type.modelName();
    }

    @Override
    public int parallelism() {
        return settings.parallelism();
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <I, O> BatchResult<O> run(Workload<I, O> workload, List<I> inputs) {
        var outcomes = (TaskOutcome<O>[]) new TaskOutcome<?>[inputs.size()];
        runAsCompleted(workload, inputs, outcome -> outcomes[outcome.index()] = outcome);
        return new BatchResult<>(Arrays.asList(outcomes));
    }

    @Override
    public final <I, O> void runAsCompleted(Workload<I, O> workload, List<I> inputs, Consumer<TaskOutcome<O>> sink) {
        if (inputs.isEmpty()) {
            return;
        }
        var batch = new BatchExecution<>(workload, inputs, settings);
        batch.drain(sink, launch(inputs.size(), batch::runTask));
    }

    /** Submits {@code [0, tasks)} to {@code executor} in chunks of {@link ModelSettings#chunkSize()}. */
    final List<Future<?>> submitChunks(ExecutorService executor, int tasks, IntConsumer task) {
        int chunk = settings.chunkSize();
        var futures = new ArrayList<Future<?>>((tasks + chunk - 1) / chunk);
        for (int from = 0; from < tasks; from += chunk) {
            int first = from;
            int end = Math.min(tasks, from + chunk);
            futures.add(executor.submit(() -> {
                for (int i = first; i < end; i++) {
                    task.accept(i);
                }
            }));
        }
        return futures;
    }

    /** Submits every index as its own task: for models that never batch. */
    static List<Future<?>> submitEach(ExecutorService executor, int tasks, IntConsumer task) {
        var futures = new ArrayList<Future<?>>(tasks);
        for (int i = 0; i < tasks; i++) {
            int index = i;
            futures.add(executor.submit(() -> task.accept(index)));
        }
        return futures;
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
