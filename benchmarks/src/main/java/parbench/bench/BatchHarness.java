package parbench.bench;

import java.util.List;
import java.util.Objects;

import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.bench.model.ModelType;
import parbench.workload.Workload;

/**
 * One model running one workload's batch, verified: what every benchmark measures. Built in a
 * benchmark's {@code @Setup(Level.Trial)}, run once per invocation, closed in its
 * {@code @TearDown(Level.Trial)}; it owns and closes the model and the workload.
 *
 * <p>Each {@link #run} compares every output with {@link Workload#expected}; a wrong output
 * throws, so a broken model or stub fails the run instead of scoring fast.
 *
 * <p>Not thread-safe: one batch at a time.
 */
final class BatchHarness<I, O> implements AutoCloseable {

    private final ConcurrencyModel model;
    private final InFlightGauge<I, O> workload;
    private final List<I> inputs;
    private final List<O> expected;

    private BatchHarness(ConcurrencyModel model, InFlightGauge<I, O> workload, List<I> inputs) {
        this.model = model;
        this.workload = workload;
        this.inputs = inputs;
        this.expected = inputs.stream().map(workload::expected).toList();
    }

    /**
     * @param modelName a {@link ModelType} name; an unknown one fails naming the known ones
     * @param nJobs     joblib's {@code n_jobs} (the {@code parallelism} parameter)
     * @param workload  owned from now on: closed with the harness
     * @param tasks     the batch size; 1 or more
     */
    static <I, O> BatchHarness<I, O> open(String modelName, int nJobs, Workload<I, O> workload, int tasks) {
        if (tasks < 1) {
            workload.close();
            throw new IllegalArgumentException("tasks must be 1 or more, was " + tasks);
        }
        ConcurrencyModel model;
        try {
            model = ModelType.named(modelName).create(ModelSettings.ofJobs(nJobs));
        } catch (RuntimeException e) {
            workload.close();
            throw e;
        }
        return new BatchHarness<>(model, new InFlightGauge<>(workload), workload.inputs(tasks));
    }

    /** Runs the batch, checks every output, records the batch's peak in flight. */
    List<O> run(PeakInFlight peak) {
        List<O> outputs = model.run(workload, inputs).values();
        peak.record(workload.takePeak());
        for (int i = 0; i < outputs.size(); i++) {
            if (!Objects.equals(outputs.get(i), expected.get(i))) {
                throw new IllegalStateException("model '" + model.name() + "' returned a wrong output for task " + i
                        + " (input " + inputs.get(i) + "): expected " + expected.get(i) + ", got " + outputs.get(i));
            }
        }
        return outputs;
    }

    ConcurrencyModel model() {
        return model;
    }

    @Override
    public void close() {
        try {
            model.close();
        } finally {
            workload.close();
        }
    }
}
