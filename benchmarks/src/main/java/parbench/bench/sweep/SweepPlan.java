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
 * @param pythons each Python harness's plan, in the order of {@link SweepSettings#pythons}; empty without Python
 * @param estimate the whole sweep's estimated wall time
 */
record SweepPlan(List<String> selection, BenchmarkList benchmarks, int jmhPoints, List<PythonHarness.Plan> pythons,
        Duration estimate) {

    /** What a Python harness costs beyond its iterations (interpreter, imports, pools), for estimates only. */
    static final Duration PYTHON_START = Duration.ofSeconds(3);

    SweepPlan {
        selection = List.copyOf(selection);
        pythons = List.copyOf(pythons);
    }

    /** The first interpreter's plan, or null without Python. */
    PythonHarness.Plan python() {
        return pythons.isEmpty() ? null : pythons.getFirst();
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
        var pythons = new ArrayList<PythonHarness.Plan>();
        var labels = new java.util.LinkedHashMap<String, String>();
        for (PythonHarness harness : settings.pythons()) {
            PythonHarness.Plan python = pythonPlan(settings, harness);
            String earlier = labels.putIfAbsent(python.label(), python.executable());
            if (earlier != null) {
                throw new IllegalArgumentException("--python " + python.executable() + " and " + earlier
                        + " are the same interpreter (" + python.label() + "): their rows would pool");
            }
            pythons.add(python);
            perCoreCount = perCoreCount.plus(Duration.ofMillis((long) (python.estimatedSeconds() * 1000)))
                    .plus(PYTHON_START);
        }
        Duration estimate = perCoreCount.multipliedBy(settings.cores().counts().size());
        return new SweepPlan(selection, benchmarks, points, pythons, estimate);
    }

    /** Points per core count, JMH's and Python's. */
    int pointsPerCoreCount() {
        return jmhPoints + pythons.stream().mapToInt(PythonHarness.Plan::points).sum();
    }

    /** Whether a JMH or Python point checks pages, so the sweep must start the Wikipedia stub. */
    boolean checksPages() {
        return (benchmarks != null && benchmarks.anyNamed("WikiBenchmark")) || pythons.stream().anyMatch(PythonHarness.Plan::wiki);
    }

    private static List<String> selection(String include) {
        var selection = new ArrayList<String>();
        selection.add(include);
        if (!include.contains("ProcessorProbe")) {
            selection.addAll(List.of("-e", JmhMeasurement.PROBE));
        }
        return selection;
    }

    private static PythonHarness.Plan pythonPlan(SweepSettings settings, PythonHarness harness) throws IOException {
        PythonHarness.Plan plan;
        try {
            plan = harness.plan(settings.profile().profileName(), settings.pythonInclude());
        } catch (PythonHarness.UnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (plan.points() == 0) {
            throw new IllegalArgumentException("no Python point matches --include '" + settings.include() + "'"
                    + (settings.pythons().size() > 1 ? " under " + plan.executable() : ""));
        }
        return plan;
    }
}
