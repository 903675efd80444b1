package parbench.workload;

import java.util.List;

/**
 * One kind of work, applied independently to every input of a batch: the body of an
 * embarrassingly parallel loop.
 *
 * <p>A workload is described completely by its {@link #spec()} (an id and string parameters),
 * so a task can cross a process boundary as data and be rebuilt there with
 * {@link WorkloadSpec#open()}; inputs and outputs are plain values (numbers, strings, records)
 * of {@link #inputType()} and {@link #outputType()}.
 *
 * <p>Implementations are thread-safe: {@link #apply} is called concurrently from many threads.
 * {@link #expected} tells the output for an input without running the work under any
 * concurrency model, so every batch can be verified.
 *
 * @param <I> input type
 * @param <O> output type
 */
public interface Workload<I, O> extends AutoCloseable {

    /** The id and parameters that rebuild this workload in another JVM. */
    WorkloadSpec spec();

    Class<I> inputType();

    Class<O> outputType();

    /**
     * The first {@code tasks} inputs of this workload's deterministic input sequence: the batch
     * an embarrassingly parallel loop runs over. Equal for equal specs, in every JVM.
     */
    List<I> inputs(int tasks);

    /** Does the work for one input. Safe to call from many threads at once. */
    O apply(I input) throws Exception;

    /** The output {@link #apply} must return for {@code input}, computed without the work's waiting. */
    O expected(I input);

    /** Releases what the workload owns (clients, connections); idempotent. */
    @Override
    default void close() {}
}
