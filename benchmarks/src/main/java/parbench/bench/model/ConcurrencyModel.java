package parbench.bench.model;

import java.util.List;

import parbench.workload.Workload;

/**
 * One way of running an embarrassingly parallel loop: apply a {@link Workload} to every input of a
 * batch. Every model returns identical outputs for identical inputs; only how long it takes differs.
 *
 * <p>A model is built once per JMH trial by {@link ModelType#create(ModelSettings)}, runs many
 * batches (one at a time), and {@link #close() releases} every thread and process it started. The
 * first failing task ends the batch with a {@link TaskFailedException} naming its input's index.
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
     * Runs the batch and returns every output, in input order.
     *
     * @throws TaskFailedException for the first failing task (or one that timed out)
     */
    <I, O> List<O> run(Workload<I, O> workload, List<I> inputs);

    /** Stops and awaits every thread and process this model started; idempotent. */
    @Override
    void close();
}
