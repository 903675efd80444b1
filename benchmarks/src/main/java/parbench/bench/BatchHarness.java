package parbench.bench;

import java.util.List;
import java.util.Objects;

import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.bench.model.ModelType;
import parbench.workload.Workload;

/**
 * One model running one workload's batch: what every benchmark measures. Built in a benchmark's
 * {@code @Setup(Level.Trial)}, {@link #run} once per invocation, {@link #verify} in a
 * {@code @TearDown(Level.Iteration)}, closed in its {@code @TearDown(Level.Trial)}; it owns and
 * closes the model and the workload.
 *
 * <p>The timed path ({@link #run}) is the model's call and one field store: the outputs are
 * checked outside it, as JMH's {@code JMHSample_06_FixtureLevel} does. {@link #verify} compares
 * the iteration's last batch with {@link Workload#expected} and throws on the first difference,
 * so a broken model or stub fails the point at the end of the iteration it broke in instead of
 * scoring fast. A task that throws fails its batch at once ({@link ConcurrencyModel#run}).
 *
 * <p>Not thread-safe: one batch at a time, verified from the thread that ran it (JMH runs
 * iteration fixtures on the benchmark thread).
 */
final class BatchHarness<I, O> implements AutoCloseable {

    private final ConcurrencyModel model;
    private final Workload<I, O> workload;
    /** The workload itself when the harness counts tasks in flight, else null. */
    private final InFlightGauge<I, O> gauge;
    private final List<I> inputs;
    private final List<O> expected;
    /** The last batch's outputs, not yet verified; null before the first batch of an iteration. */
    private List<O> last;

    private BatchHarness(ConcurrencyModel model, Workload<I, O> workload, List<I> inputs) {
        this.model = model;
        this.workload = workload;
        this.gauge = workload instanceof InFlightGauge<I, O> counting ? counting : null;
        this.inputs = inputs;
        this.expected = inputs.stream().map(workload::expected).toList();
    }

    /**
     * Builds the model named {@code modelName} and the harness around it.
     *
     * @param modelName a {@link ModelType} name; an unknown one fails naming the known ones
     * @param workload  owned from now on: closed with the harness, or here if opening fails
     * @param tasks     the batch size; 1 or more
     */
    static <I, O> BatchHarness<I, O> open(String modelName, ModelSettings settings, Workload<I, O> workload, int tasks) {
        ConcurrencyModel model;
        try {
            requireTasks(tasks); // before the model starts threads or worker JVMs
            model = ModelType.named(modelName).create(settings);
        } catch (RuntimeException e) {
            workload.close();
            throw e;
        }
        return open(model, workload, tasks);
    }

    /**
     * Like {@link #open(String, ModelSettings, Workload, int)}, counting the tasks in flight
     * ({@link InFlightGauge}) for {@link #run(PeakInFlight)}: three atomic operations per task,
     * for workloads whose tasks take milliseconds.
     */
    static <I, O> BatchHarness<I, O> openGauged(String modelName, ModelSettings settings, Workload<I, O> workload,
                                                int tasks) {
        return open(modelName, settings, new InFlightGauge<>(workload), tasks);
    }

    /**
     * @param model    built by the caller, owned from now on: closed with the harness
     * @param workload owned from now on: closed with the harness
     * @param tasks    the batch size; 1 or more
     * @throws IllegalArgumentException for {@code tasks < 1}, after closing the model and the workload
     */
    static <I, O> BatchHarness<I, O> open(ConcurrencyModel model, Workload<I, O> workload, int tasks) {
        try {
            requireTasks(tasks);
        } catch (IllegalArgumentException e) {
            try (model; workload) {
                throw e;
            }
        }
        return new BatchHarness<>(model, workload, workload.inputs(tasks));
    }

    private static void requireTasks(int tasks) {
        if (tasks < 1) {
            throw new IllegalArgumentException("tasks must be 1 or more, was " + tasks);
        }
    }

    /** Runs one batch: the timed path. */
    List<O> run() {
        List<O> outputs = model.run(workload, inputs);
        last = outputs;
        return outputs;
    }

    /**
     * Runs one batch and records its peak of tasks in flight.
     *
     * @throws IllegalStateException when the harness was not {@link #openGauged opened gauged}
     */
    List<O> run(PeakInFlight peak) {
        if (gauge == null) {
            throw new IllegalStateException("this harness counts no tasks in flight; open it with openGauged");
        }
        List<O> outputs = run();
        peak.record(gauge.takePeak());
        return outputs;
    }

    /**
     * Checks the last batch's outputs against the expected ones and forgets them.
     *
     * @throws IllegalStateException naming the model, the task index, its input, the expected
     *                               and the actual output; or when no batch ran since the last check
     */
    void verify() {
        List<O> outputs = last;
        last = null;
        if (outputs == null) {
            throw new IllegalStateException("model '" + model.name() + "' ran no batch in this iteration");
        }
        if (outputs.size() != expected.size()) {
            throw new IllegalStateException("model '" + model.name() + "' returned " + outputs.size()
                    + " outputs for " + expected.size() + " tasks");
        }
        for (int i = 0; i < outputs.size(); i++) {
            if (!Objects.equals(outputs.get(i), expected.get(i))) {
                throw new IllegalStateException("model '" + model.name() + "' returned a wrong output for task " + i
                        + " (input " + inputs.get(i) + "): expected " + expected.get(i) + ", got " + outputs.get(i));
            }
        }
    }

    @Override
    public void close() {
        try (workload; model) {
            // both closed, the model first
        }
    }
}
