package parbench.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The seed article's Python ({@code py-*} rows, from {@code python-cores-<c>.json}) against the JVM rows of the same
 * input: the GIL claim, what process pools cost on each side, and each side's best model per workload. Speedups
 * are each side's own: a {@code py-} row over {@code py-sequential}, a JVM row over {@code sequential}, at the same
 * params and core count, so two languages of different raw speed compare by how well they parallelise.
 *
 * <p>Data-driven like {@link Findings}: an input without both sides contributes nothing, and a finding whose rows
 * are absent (no CPU workload, a single core count, no process model) is left out. Stateless.
 */
public final class PythonVsJvm {

    /** Python's thread-based approaches: the GIL lets one of their threads run Python code at a time. */
    static final Set<String> PY_THREADS = Set.of("py-thread-per-task", "py-thread-pool", "py-thread-pool-as-completed",
            "py-mp-thread-pool", "py-joblib-threading");
    /** Python's process-based approaches: one interpreter, and one GIL, per worker. */
    static final Set<String> PY_PROCESSES = Set.of("py-process-pool", "py-mp-pool", "py-joblib-loky");
    /** The process models the issue names on each side, in the order they are reported. */
    private static final List<String> PY_START_UP = List.of("py-process-pool", "py-joblib-loky");
    private static final List<String> JVM_PROCESSES = List.of("process-workers", "process-spawn");
    /** Workloads whose batch time is mostly overhead come first: they show a pool's cost best. */
    private static final List<WorkloadKind> OVERHEAD_ORDER = List.of(WorkloadKind.DISPATCH, WorkloadKind.SLEEP,
            WorkloadKind.IO, WorkloadKind.CPU);

    private PythonVsJvm() {
    }

    /** The findings of every input that holds both Python and JVM rows with a {@code model} param. */
    public static List<Finding> of(SpeedupTable table) {
        List<Finding> findings = new ArrayList<>();
        Map<Integer, List<Row>> byInput = table.rows().stream()
                .filter(r -> r.model() != null && r.isTimePerOp() && Double.isFinite(r.metric().score()))
                .collect(Collectors.groupingBy(Row::input, TreeMap::new, Collectors.toList()));
        boolean several = byInput.size() > 1;
        byInput.forEach((input, rows) -> {
            List<Row> py = rows.stream().filter(PythonVsJvm::isPython).toList();
            List<Row> jvm = rows.stream().filter(Predicate.not(PythonVsJvm::isPython)).toList();
            if (py.isEmpty() || jvm.isEmpty()) {
                return;
            }
            String prefix = several ? table.inputs().get(input).label() + ": " : "";
            List<Finding> own = new ArrayList<>();
            gil(py, jvm).ifPresent(own::add);
            processPools(py, jvm).ifPresent(own::add);
            bestPerWorkload(py, jvm).ifPresent(own::add);
            own.forEach(f -> findings.add(new Finding(f.question(), prefix + f.answer())));
        });
        return List.copyOf(findings);
    }

    /** A {@code py-} row: from a Python file, or named so in any JMH JSON. */
    static boolean isPython(Row r) {
        return r.python() || r.model().startsWith("py-");
    }

    private static Optional<Finding> gil(List<Row> py, List<Row> jvm) {
        Optional<Integer> cores = largestCommonCores(cpu(py), cpu(jvm));
        if (cores.isEmpty() || cores.get() < 2) {
            return Optional.empty();
        }
        int c = cores.get();
        Optional<Row> pyThread = best(cpu(py), c, r -> PY_THREADS.contains(r.model()) && concurrent(r));
        Optional<Row> jvmThread = best(cpu(jvm), c,
                r -> !JVM_PROCESSES.contains(r.model()) && !isBaseline(r) && concurrent(r));
        if (pyThread.isEmpty() || jvmThread.isEmpty()) {
            return Optional.empty();
        }
        Optional<Row> pyProcess = best(cpu(py), c, r -> PY_PROCESSES.contains(r.model()) && concurrent(r));
        double halfway = 1 + (c - 1) / 2.0;
        StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                "CPU work at %d cores: the best Python thread model, %s, reaches %s over py-sequential (%s)",
                c, pyThread.get().model(), times(pyThread.get()), params(pyThread.get())));
        pyProcess.ifPresent(p -> answer.append(String.format(Locale.ROOT, "; the best Python process model, %s, %s",
                p.model(), times(p))));
        answer.append(String.format(Locale.ROOT, "; the best JVM thread model, %s, %s over sequential (%s). ",
                jvmThread.get().model(), times(jvmThread.get()), params(jvmThread.get())));
        boolean pyStalls = pyThread.get().speedup() < halfway;
        boolean jvmScales = jvmThread.get().speedup() >= halfway;
        answer.append(pyStalls && jvmScales
                ? "The GIL claim holds: Python threads do not parallelise CPU work, JVM threads do."
                : pyStalls
                        ? "Python threads do not parallelise CPU work here, and JVM threads reach less than half the"
                                + " cores either: the data do not single out the GIL."
                        : "Python threads parallelised CPU work here: the data do not show the GIL's limit.");
        return Optional.of(new Finding("Python vs JVM: does the GIL stop Python threads on CPU work, and not JVM ones?",
                answer.toString()));
    }

    private static Optional<Finding> processPools(List<Row> py, List<Row> jvm) {
        for (WorkloadKind kind : OVERHEAD_ORDER) {
            List<Row> pyRows = py.stream().filter(r -> r.kind() == kind).toList();
            List<Row> jvmRows = jvm.stream().filter(r -> r.kind() == kind).toList();
            Optional<Integer> cores = largestCommonCores(
                    pyRows.stream().filter(r -> PY_START_UP.contains(r.model())).toList(),
                    jvmRows.stream().filter(r -> JVM_PROCESSES.contains(r.model())).toList());
            if (cores.isEmpty()) {
                continue;
            }
            int c = cores.get();
            List<String> pyParts = describe(pyRows, c, PY_START_UP, "py-sequential");
            List<String> jvmParts = describe(jvmRows, c, JVM_PROCESSES, SpeedupTable.BASELINE);
            String workload = pyRows.getFirst().workload();
            StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                    "%s at %d cores, score (speedup over each side's sequential). Python: %s. JVM: %s.",
                    workload, c, String.join("; ", pyParts), String.join("; ", jvmParts)));
            startUpMillis(jvmRows, c).ifPresent(ms -> answer.append(String.format(Locale.ROOT,
                    " Starting the JVM workers for each batch (process-spawn − process-workers) adds %.3g ms/op.", ms)));
            answer.append(" Python's pools live for a whole point, so their start-up is not in these times.");
            return Optional.of(new Finding("Python vs JVM: what do process pools cost on each side?", answer.toString()));
        }
        return Optional.empty();
    }

    private static Optional<Finding> bestPerWorkload(List<Row> py, List<Row> jvm) {
        Map<String, List<Row>> pyByWorkload = py.stream().filter(r -> r.cores() != null)
                .collect(Collectors.groupingBy(Row::workload, TreeMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        pyByWorkload.forEach((workload, pyRows) -> {
            List<Row> jvmRows = jvm.stream().filter(r -> r.workload().equals(workload)).toList();
            Optional<Integer> cores = largestCommonCores(pyRows, jvmRows);
            if (cores.isEmpty()) {
                return;
            }
            int c = cores.get();
            Optional<Row> bestPy = best(pyRows, c, r -> !isBaseline(r));
            Optional<Row> bestJvm = best(jvmRows, c, r -> !isBaseline(r));
            if (bestPy.isPresent() && bestJvm.isPresent()) {
                Row p = bestPy.get();
                Row j = bestJvm.get();
                parts.add(String.format(Locale.ROOT, "%s at %d cores: Python %s %s (%s, %s), JVM %s %s (%s, %s)",
                        workload, c, p.model(), times(p), score(p), params(p), j.model(), times(j), score(j), params(j)));
            }
        });
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding("Python vs JVM: which model is best on each side, per workload?",
                "Highest speedup over the side's own sequential baseline — " + String.join("; ", parts) + "."));
    }

    private static List<String> describe(List<Row> rows, int cores, List<String> models, String baseline) {
        List<String> parts = new ArrayList<>();
        for (String model : models) {
            rows.stream().filter(r -> model.equals(r.model()) && Objects.equals(r.cores(), cores))
                    .min(Comparator.comparingDouble(r -> r.metric().score()))
                    .ifPresent(r -> parts.add(String.format(Locale.ROOT, "%s %s (%s; %s)", model, score(r),
                            times(r), params(r))));
        }
        rows.stream().filter(r -> baseline.equals(r.model()) && Objects.equals(r.cores(), cores))
                .min(Comparator.comparingDouble(r -> r.metric().score()))
                .ifPresent(r -> parts.add(String.format(Locale.ROOT, "%s %s", baseline, score(r))));
        return parts;
    }

    private static Optional<Double> startUpMillis(List<Row> jvm, int cores) {
        List<Double> costs = new ArrayList<>();
        for (Row spawn : jvm.stream().filter(r -> r.model().equals("process-spawn") && Objects.equals(r.cores(), cores))
                .toList()) {
            jvm.stream().filter(r -> r.model().equals("process-workers") && Objects.equals(r.cores(), cores)
                            && r.result().benchmark().equals(spawn.result().benchmark())
                            && withoutModel(r).equals(withoutModel(spawn)))
                    .findFirst()
                    .ifPresent(workers -> costs.add(spawn.metric().score() - workers.metric().score()));
        }
        if (costs.isEmpty() || !"ms/op".equals(jvm.getFirst().metric().unit())) {
            return Optional.empty();
        }
        List<Double> sorted = costs.stream().sorted().toList();
        return Optional.of(sorted.get(sorted.size() / 2));
    }

    private static Map<String, String> withoutModel(Row r) {
        var params = new TreeMap<>(r.result().params());
        params.remove("model");
        return params;
    }

    private static List<Row> cpu(List<Row> rows) {
        return rows.stream().filter(r -> r.kind() == WorkloadKind.CPU).toList();
    }

    private static Optional<Integer> largestCommonCores(List<Row> a, List<Row> b) {
        Set<Integer> inB = b.stream().map(Row::cores).filter(Objects::nonNull).collect(Collectors.toSet());
        return a.stream().map(Row::cores).filter(Objects::nonNull).filter(inB::contains).max(Integer::compare);
    }

    /** The row with the highest speedup at {@code cores} among those {@code which} accepts. */
    private static Optional<Row> best(List<Row> rows, int cores, Predicate<Row> which) {
        return rows.stream().filter(r -> Objects.equals(r.cores(), cores) && r.speedup() != null && which.test(r))
                .max(Comparator.comparingDouble(Row::speedup));
    }

    /**
     * Whether the row may run two tasks at once: a pool of one thread cannot test the GIL. Thread-per-task models
     * ignore {@code parallelism}.
     */
    private static boolean concurrent(Row r) {
        return r.parallelism() == null || r.parallelism() > 1 || r.model().endsWith("thread-per-task");
    }

    private static boolean isBaseline(Row r) {
        return r.model().equals(SpeedupTable.BASELINE) || r.model().equals("py-" + SpeedupTable.BASELINE);
    }

    /** A speedup with two decimals, or two significant digits below 0.1 (dispatch overheads reach 0.001×). */
    static String times(Row r) {
        if (r.speedup() == null) {
            return "no speedup (no baseline)";
        }
        return String.format(Locale.ROOT, r.speedup() >= 0.1 ? "%.2f×" : "%.2g×", r.speedup());
    }

    /** The score in the unit the benchmark reported (µs per task for dispatch), not the page's normalised one. */
    private static String score(Row r) {
        double score = r.result().primaryMetric().score();
        return String.format(Locale.ROOT, score >= 1000 ? "%.0f %s" : "%.3g %s", score, r.result().primaryMetric().unit());
    }

    private static String params(Row r) {
        return r.result().params().entrySet().stream().filter(e -> !e.getKey().equals("model"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
