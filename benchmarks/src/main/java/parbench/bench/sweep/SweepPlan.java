package parbench.bench.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep will measure, decided before anything runs: the JMH selection and its points, the
 * Python harness's plan, and the estimated wall time. Immutable.
 *
 * @param selection the JMH benchmark selection (the include regex, the probe excluded)
 * @param benchmarks the selected benchmarks with their grids, null for a Python-only sweep
 * @param jmhPoints JMH points per core count, 0 for a Python-only sweep
 * @param python the Python harness's plan, null without Python
 * @param estimate the whole sweep's estimated wall time
 */
record SweepPlan(List<String> selection, BenchmarkList benchmarks, int jmhPoints, PythonHarness.Plan python,
        Duration estimate) {

    /** What a Python harness costs beyond its iterations (interpreter, imports, pools), for estimates only. */
    static final Duration PYTHON_START = Duration.ofSeconds(3);

    SweepPlan {
        selection = List.copyOf(selection);
    }

    /**
     * Plans the sweep of {@code settings}: lists the selected benchmarks and asks the Python harness.
     *
     * @throws IllegalArgumentException when the selection matches no benchmark or Python point, or
     *     the interpreter or a library is missing (user errors: exit 2)
     * @throws IOException naming the command that failed
     */
    static SweepPlan of(SweepSettings settings) throws IOException {
        List<String> selection = selection(settings.include());
        BenchmarkList benchmarks = null;
        int points = 0;
        Duration perCoreCount = Duration.ZERO;
        if (settings.jvm()) {
            benchmarks = BenchmarkList.list(settings, selection);
            if (benchmarks.benchmarks().isEmpty()) {
                throw new IllegalArgumentException("no benchmark matches --include '" + settings.include() + "'");
            }
            points = benchmarks.points(settings.params());
            perCoreCount = settings.profile().estimate(points).plus(SweepProfile.FORK_OVERHEAD.multipliedBy(2));
        }
        PythonHarness.Plan python = null;
        if (settings.python() != null) {
            python = pythonPlan(settings);
            perCoreCount = perCoreCount.plus(Duration.ofMillis((long) (python.estimatedSeconds() * 1000)))
                    .plus(PYTHON_START);
        }
        Duration estimate = perCoreCount.multipliedBy(settings.cores().counts().size());
        return new SweepPlan(selection, benchmarks, points, python, estimate);
    }

    /** Points per core count, JMH's and Python's. */
    int pointsPerCoreCount() {
        return jmhPoints + (python == null ? 0 : python.points());
    }

    /** Whether a JMH or Python point checks pages, so the sweep must start the Wikipedia stub. */
    boolean checksPages() {
        return (benchmarks != null && benchmarks.anyNamed("WikiBenchmark")) || (python != null && python.wiki());
    }

    private static List<String> selection(String include) {
        var selection = new ArrayList<String>();
        selection.add(include);
        if (!include.contains("ProcessorProbe")) {
            selection.addAll(List.of("-e", JmhMeasurement.PROBE));
        }
        return selection;
    }

    private static PythonHarness.Plan pythonPlan(SweepSettings settings) throws IOException {
        PythonHarness.Plan plan;
        try {
            plan = settings.python().plan(settings.profile().profileName(), settings.pythonInclude());
        } catch (PythonHarness.UnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (plan.points() == 0) {
            throw new IllegalArgumentException("no Python point matches --include '" + settings.include() + "'");
        }
        return plan;
    }
}
