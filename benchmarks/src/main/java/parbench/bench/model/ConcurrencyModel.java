package parbench.bench.model;

import java.util.List;
import java.util.function.Consumer;

import parbench.workload.Workload;

/**
 * One way of running an embarrassingly parallel loop: apply a {@link Workload} to every input of a
 * batch. Every model returns identical outputs for identical inputs; only how long it takes differs.
 *
 * <p>A model is built once per JMH trial by {@link ModelType#create(ModelSettings)}, runs many
 * batches (one at a time), and {@link #close() releases} every thread and process it started.
 * Failures follow {@link ModelSettings#errorPolicy()}: {@link ErrorPolicy#FAIL_FAST} cancels what
 * is left and throws a {@link TaskFailedException} naming the first failing input's index;
 * {@link ErrorPolicy#COLLECT} returns every outcome, failures included.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** The registry name, e.g. {@code fixed-pool}: the report's row name. */
    String name();

    /**
     * How many tasks this model may run at once. For most models the resolved {@code n_jobs};
     * for {@code common-pool} and {@code parallel-stream} the JVM's common pool parallelism.
     */
    int parallelism();

    /**
     * Runs the batch and returns every outcome in input order.
     *
     * @throws TaskFailedException under {@link ErrorPolicy#FAIL_FAST}, for the first failing task
     */
    <I, O> BatchResult<O> run(Workload<I, O> workload, List<I> inputs);

    /**
     * Runs the batch, handing each outcome to {@code sink} as it completes (the seed's
     * {@code as_completed}; joblib's {@code return_as="generator_unordered"}). {@code sink} is
     * called from one thread at a time. Returns once every outcome was handed over.
     *
     * @throws TaskFailedException under {@link ErrorPolicy#FAIL_FAST}, for the first failing task
     */
    <I, O> void runAsCompleted(Workload<I, O> workload, List<I> inputs, Consumer<TaskOutcome<O>> sink);

    /** Stops and awaits every thread and process this model started; idempotent. */
    @Override
    void close();
}
