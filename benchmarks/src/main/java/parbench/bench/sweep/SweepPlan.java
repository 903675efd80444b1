package parbench.bench.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sweep will measure, decided before anything runs ({@link Planner}): the core counts, the
 * JMH runs of each, the Python harness's plan, and the estimated wall time of all of it
 * ({@link SweepEstimate}). Immutable.
 *
 * @param profile the profile's name
 * @param processors N, the processors planned for
 * @param budget the budget the plan was fitted to, null for none
 * @param timing forks and iterations of every JMH point
 * @param coreCounts the core counts in ascending order, each with its JMH runs
 * @param pythons each interpreter's Python harness plan at one core count, in the order of
 *     {@link SweepSettings#pythons}; empty without Python
 * @param pythonForks harness processes per core count
 * @param stub whether a JMH or Python point checks pages, so the sweep starts the Wikipedia stub
 * @param estimate the whole sweep's estimated wall time
 * @param dropped what the planner left out to fit the budget, in the order it tried them
 */
public record SweepPlan(String profile, int processors, Duration budget, JmhTiming timing, List<CoreCount> coreCounts,
        List<PythonHarness.Plan> pythons, int pythonForks, boolean stub, Duration estimate, List<String> dropped) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public SweepPlan {
        coreCounts = List.copyOf(coreCounts);
        pythons = pythons == null ? List.of() : List.copyOf(pythons);
        dropped = List.copyOf(dropped);
    }

    /** The first interpreter's plan, or null without Python. */
    public PythonHarness.Plan python() {
        return pythons.isEmpty() ? null : pythons.getFirst();
    }

    /**
     * One core count of the plan.
     *
     * @param cores the core count
     * @param runs its JMH invocations, in order (none for a Python-only sweep)
     */
    public record CoreCount(int cores, List<JmhRun> runs) {
        public CoreCount {
            runs = List.copyOf(runs);
        }

        /** JMH points at this core count. */
        public int points() {
            return runs.stream().mapToInt(JmhRun::points).sum();
        }
    }

    /** The plan of {@code coreCounts} for {@code request}, with its estimate. */
    static SweepPlan of(Planner.Request request, List<CoreCount> coreCounts) {
        SweepEstimate constants = request.estimate();
        double seconds = 0;
        boolean stub = request.pythons().stream().anyMatch(PythonHarness.Plan::wiki);
        for (CoreCount count : coreCounts) {
            if (!count.runs().isEmpty()) {
                seconds += constants.probeSeconds();
            }
            for (JmhRun run : count.runs()) {
                seconds += constants.runSeconds(run, count.cores(), request.timing());
                stub |= WorkloadKind.of(run.benchmark()) == WorkloadKind.IO;
            }
            for (PythonHarness.Plan python : request.pythons()) {
                seconds += constants.pythonSeconds(python.estimatedSeconds(), request.pythonForks());
            }
        }
        if (stub) {
            seconds += constants.stubSeconds();
        }
        return new SweepPlan(request.profile().profileName(), request.processors(), request.budget(),
                request.timing(), coreCounts, request.pythons(), request.pythonForks(), stub,
                Duration.ofMillis(Math.round(seconds * 1000)), List.of());
    }

    /** This plan with what the planner dropped. */
    SweepPlan withDropped(List<String> newDropped) {
        return new SweepPlan(profile, processors, budget, timing, coreCounts, pythons, pythonForks, stub, estimate,
                newDropped);
    }

    /** The core counts, ascending. */
    public List<Integer> counts() {
        return coreCounts.stream().map(CoreCount::cores).toList();
    }

    /** The plan of core count {@code cores}. */
    public CoreCount coreCount(int cores) {
        return coreCounts.stream().filter(count -> count.cores() == cores).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("core count " + cores + " is not in the plan"));
    }

    /** JMH points over the whole sweep. */
    public int jmhPoints() {
        return coreCounts.stream().mapToInt(CoreCount::points).sum();
    }

    /** Points over the whole sweep, JMH's and Python's. */
    public int points() {
        return jmhPoints() + pythons.stream().mapToInt(PythonHarness.Plan::points).sum() * coreCounts.size();
    }

    /** Whether the estimate is above the budget: the endpoints alone did not fit. */
    public boolean overBudget() {
        return budget != null && estimate.compareTo(budget) > 0;
    }

    /**
     * The plan as {@code --plan-json} writes it: {@code {"profile", "processors", "coreCounts",
     * "estimatedSeconds", "budgetSeconds", "dropped", "points": [{"cores", "benchmark", "params",
     * "forks"}], "python"}}.
     */
    public Map<String, Object> toJson() {
        var json = new LinkedHashMap<String, Object>();
        json.put("profile", profile);
        json.put("processors", processors);
        json.put("coreCounts", counts());
        json.put("estimatedSeconds", estimate.toMillis() / 1000.0);
        json.put("budgetSeconds", budget == null ? null : budget.toSeconds());
        json.put("timing", Map.of("forks", timing.forks(), "warmupIterations", timing.warmupIterations(),
                "iterations", timing.iterations(), "warmupTime", timing.warmupTime().toMillis() + "ms",
                "measurementTime", timing.measurementTime().toMillis() + "ms"));
        json.put("dropped", dropped);
        var points = new ArrayList<Map<String, Object>>();
        for (CoreCount count : coreCounts) {
            for (JmhRun run : count.runs()) {
                for (Map<String, String> params : run.expand()) {
                    var point = new LinkedHashMap<String, Object>();
                    point.put("cores", count.cores());
                    point.put("benchmark", run.benchmark());
                    point.put("params", params);
                    point.put("forks", run.forks());
                    points.add(point);
                }
            }
        }
        json.put("points", points);
        if (!pythons.isEmpty()) {
            json.put("python", Map.of(
                    "pointsPerCoreCount", pythons.stream().mapToInt(PythonHarness.Plan::points).sum(),
                    "forks", pythonForks,
                    "harnessSecondsPerCoreCount", pythons.stream().mapToDouble(PythonHarness.Plan::estimatedSeconds).sum(),
                    "interpreters", pythons.stream().map(PythonHarness.Plan::label).toList()));
        }
        return json;
    }

    /** Writes {@link #toJson} to {@code file} atomically. */
    public void writeJson(Path file) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(toJson()));
    }
}
