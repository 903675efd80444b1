package parbench.report.analysis;

import parbench.report.jmh.ScoreScale;
import parbench.report.jmh.TimeUnits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The seed article's Python ({@code py-*} rows, from {@code python-cores-<c>.json}) against the JVM rows of the same
 * input: the GIL claim, what process pools cost on each side, and each side's best model per workload. Speedups
 * are each side's own: a {@code py-} row over {@code py-sequential}, a JVM row over {@code sequential}, at the same
 * params and core count, so two languages of different raw speed compare by how well they parallelise.
 *
 * <p>Which model is a thread, a pool or a process comes from the {@link Model} vocabulary. Cross-language findings
 * compare equal work sizes only: where Python's CPU task ran another {@code work} than the JVM's, the GIL finding
 * says so instead of comparing. Scores in one sentence share one unit. A row below {@link Evidence}'s minimum gets
 * its numbers shown and no verdict.
 *
 * <p>Data-driven like {@link Findings}: an input without both sides contributes nothing, and a finding whose rows
 * are absent (no CPU workload, a single core count, no process model) is left out. Stateless.
 */
public final class PythonVsJvm {

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
            List<Row> py = rows.stream().filter(Row::python).toList();
            List<Row> jvm = rows.stream().filter(Predicate.not(Row::python)).toList();
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

    private static Optional<Finding> gil(List<Row> py, List<Row> jvm) {
        Optional<Integer> cores = largestCommonCores(cpu(py), cpu(jvm));
        if (cores.isEmpty() || cores.get() < 2) {
            return Optional.empty();
        }
        int c = cores.get();
        String question = "Python vs JVM: does the GIL stop Python threads on CPU work, and not JVM ones?";
        Set<String> pyWork = works(cpu(py), c);
        Set<String> jvmWork = works(cpu(jvm), c);
        Set<String> common = new TreeSet<>(pyWork);
        common.retainAll(jvmWork);
        if (common.isEmpty()) {
            return Optional.of(new Finding(question, String.format(Locale.ROOT,
                    "Not compared: at %d cores Python's CPU task ran work=%s and the JVM's work=%s, and findings "
                            + "across languages compare equal work sizes only (plan both at one work size).",
                    c, String.join(", ", pyWork), String.join(", ", jvmWork))));
        }
        String work = ((TreeSet<String>) common).last();
        List<Row> pyCpu = cpu(py).stream().filter(r -> work.equals(r.result().param("work").orElse(null))).toList();
        List<Row> jvmCpu = cpu(jvm).stream().filter(r -> work.equals(r.result().param("work").orElse(null))).toList();
        Optional<Row> pyThread = best(pyCpu, c, r -> !r.modelInfo().isProcess() && !r.isBaseline() && concurrent(r));
        Optional<Row> jvmThread = best(jvmCpu, c, r -> !r.modelInfo().isProcess() && !r.isBaseline() && concurrent(r));
        if (pyThread.isEmpty() || jvmThread.isEmpty()) {
            return Optional.empty();
        }
        Optional<Row> pyProcess = best(pyCpu, c, r -> r.modelInfo().isProcess() && concurrent(r));
        double halfway = 1 + (c - 1) / 2.0;
        StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                "CPU work (work=%s on both sides) at %d cores: the best Python thread model, %s, reaches %s over "
                        + "py-sequential (%s)", work, c, pyThread.get().modelLabel(), pyThread.get().speedupText(),
                params(pyThread.get())));
        pyProcess.ifPresent(p -> answer.append(String.format(Locale.ROOT, "; the best Python process model, %s, %s",
                p.modelLabel(), p.speedupText())));
        answer.append(String.format(Locale.ROOT, "; the best JVM thread model, %s, %s over sequential (%s). ",
                jvmThread.get().modelLabel(), jvmThread.get().speedupText(), params(jvmThread.get())));
        Optional<String> lacking = List.of(pyThread.get(), jvmThread.get()).stream().map(Evidence::lacking)
                .flatMap(Optional::stream).findFirst();
        if (lacking.isPresent()) {
            answer.append("No verdict: ").append(Evidence.NOT_ENOUGH).append(" (").append(lacking.get()).append(").");
        } else {
            boolean pyStalls = upper(pyThread.get()) < halfway;
            boolean jvmScales = lower(jvmThread.get()) >= halfway;
            answer.append(pyStalls && jvmScales
                    ? "The GIL claim holds: Python threads do not parallelise CPU work, JVM threads do."
                    : pyStalls
                            ? "Python threads do not parallelise CPU work here, and JVM threads do not reach half the"
                                    + " cores beyond their interval either: the data do not single out the GIL."
                            : "Python threads may have parallelised CPU work here: the data do not show the GIL's limit.");
        }
        return Optional.of(new Finding(question, answer.toString()));
    }

    private static double upper(Row r) {
        return r.speedupInterval() == null ? r.speedup() : r.speedupInterval().high();
    }

    private static double lower(Row r) {
        return r.speedupInterval() == null ? r.speedup() : r.speedupInterval().low();
    }

    private static Set<String> works(List<Row> rows, int cores) {
        return rows.stream().filter(r -> Objects.equals(r.cores(), cores)).map(r -> r.result().param("work"))
                .flatMap(Optional::stream).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Optional<Finding> processPools(List<Row> py, List<Row> jvm) {
        for (WorkloadKind kind : OVERHEAD_ORDER) {
            List<Row> allPy = py.stream().filter(r -> r.kind() == kind).toList();
            List<Row> allJvm = jvm.stream().filter(r -> r.kind() == kind).toList();
            Set<Map<String, String>> common = commonWork(allPy, allJvm);
            List<Row> pyRows = allPy.stream().filter(r -> common.contains(r.workloadParams())).toList();
            List<Row> jvmRows = allJvm.stream().filter(r -> common.contains(r.workloadParams())).toList();
            Optional<Integer> cores = largestCommonCores(
                    pyRows.stream().filter(r -> r.modelInfo().isProcess()).toList(),
                    jvmRows.stream().filter(r -> r.modelInfo().isProcess()).toList());
            if (cores.isEmpty()) {
                continue;
            }
            int c = cores.get();
            List<Row> shown = new ArrayList<>();
            shown.addAll(pick(pyRows, c));
            shown.addAll(pick(jvmRows, c));
            ScoreScale unit = ScoreScale.of(TimeUnits.NORMAL_TIME, shown.stream().mapToDouble(r -> r.metric().score()).toArray());
            String pyParts = pick(pyRows, c).stream().map(r -> describe(r, unit)).collect(Collectors.joining("; "));
            String jvmParts = pick(jvmRows, c).stream().map(r -> describe(r, unit)).collect(Collectors.joining("; "));
            String workload = pyRows.getFirst().workload();
            String per = kind == WorkloadKind.DISPATCH ? "per task" : "per batch";
            StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                    "%s at %d cores, time %s (speedup over each side's sequential). Python: %s. JVM: %s.",
                    workload, c, per, pyParts, jvmParts));
            startUp(jvmRows, c).ifPresent(ms -> answer.append(" Starting the JVM workers for each batch "
                    + "(process-spawn − process-workers) adds ").append(score(unit, ms)).append(' ').append(per)
                    .append('.'));
            answer.append(" Python's pools live for a whole point, so their start-up is not in these times.");
            return Optional.of(new Finding("Python vs JVM: what do process pools cost on each side?", answer.toString()));
        }
        return Optional.empty();
    }

    /** Each process model at its fastest, and the side's sequential baseline. */
    private static List<Row> pick(List<Row> rows, int cores) {
        Map<String, Row> fastest = new TreeMap<>();
        rows.stream().filter(r -> Objects.equals(r.cores(), cores) && (r.modelInfo().isProcess() || r.isBaseline()))
                .forEach(r -> fastest.merge(r.model(), r, (a, b) -> a.metric().score() <= b.metric().score() ? a : b));
        List<Row> picked = new ArrayList<>(fastest.values());
        picked.sort(Comparator.comparing(Row::isBaseline));
        return picked;
    }

    private static String describe(Row r, ScoreScale unit) {
        return r.isBaseline() ? r.model() + " " + score(unit, r.metric().score())
                : String.format(Locale.ROOT, "%s %s (%s; %s)", r.modelLabel(), score(unit, r.metric().score()),
                        r.speedupText(), params(r));
    }

    private static Optional<Finding> bestPerWorkload(List<Row> py, List<Row> jvm) {
        Map<String, List<Row>> pyByWorkload = py.stream().filter(r -> r.cores() != null)
                .collect(Collectors.groupingBy(Row::workload, TreeMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        pyByWorkload.forEach((workload, allPy) -> {
            List<Row> allJvm = jvm.stream().filter(r -> r.workload().equals(workload)).toList();
            Set<Map<String, String>> common = commonWork(allPy, allJvm);
            if (common.isEmpty()) {
                if (!allJvm.isEmpty()) {
                    parts.add(workload + ": not compared, the two sides ran different work sizes");
                }
                return;
            }
            List<Row> pyRows = allPy.stream().filter(r -> common.contains(r.workloadParams())).toList();
            List<Row> jvmRows = allJvm.stream().filter(r -> common.contains(r.workloadParams())).toList();
            Optional<Integer> cores = largestCommonCores(pyRows, jvmRows);
            if (cores.isEmpty()) {
                return;
            }
            int c = cores.get();
            Optional<Row> bestPy = best(pyRows, c, r -> !r.isBaseline() && !r.beyondIdeal());
            Optional<Row> bestJvm = best(jvmRows, c, r -> !r.isBaseline() && !r.beyondIdeal());
            if (bestPy.isPresent() && bestJvm.isPresent()) {
                Row p = bestPy.get();
                Row j = bestJvm.get();
                parts.add(String.format(Locale.ROOT, "%s at %d cores: Python %s %s (%s), JVM %s %s (%s)",
                        workload, c, p.modelLabel(), p.speedupText(), params(p), j.modelLabel(), j.speedupText(),
                        params(j)));
            }
        });
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding("Python vs JVM: which model is best on each side, per workload?",
                "Highest speedup over the side's own sequential baseline, at equal work sizes — "
                        + String.join("; ", parts) + "."));
    }

    private static Optional<Double> startUp(List<Row> jvm, int cores) {
        List<Double> costs = new ArrayList<>();
        for (Row spawn : jvm.stream().filter(r -> r.model().equals("process-spawn") && Objects.equals(r.cores(), cores))
                .toList()) {
            jvm.stream().filter(r -> r.model().equals("process-workers") && Objects.equals(r.cores(), cores)
                            && r.result().benchmark().equals(spawn.result().benchmark())
                            && withoutModel(r).equals(withoutModel(spawn)))
                    .findFirst()
                    .ifPresent(workers -> costs.add(spawn.metric().score() - workers.metric().score()));
        }
        if (costs.isEmpty()) {
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

    /** The work sizes (params other than model and parallelism) both sides ran: the only ones compared. */
    private static Set<Map<String, String>> commonWork(List<Row> py, List<Row> jvm) {
        Set<Map<String, String>> onJvm = jvm.stream().map(Row::workloadParams).collect(Collectors.toSet());
        return py.stream().map(Row::workloadParams).filter(onJvm::contains).collect(Collectors.toSet());
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

    /** Whether the row may run two tasks at once: a pool of one thread cannot test the GIL. */
    private static boolean concurrent(Row r) {
        return r.inFlight() == null || r.inFlight() > 1;
    }

    /** "53.18 us/op": a score in the sentence's one unit. */
    private static String score(ScoreScale unit, double value) {
        return unit.format(value) + " " + unit.unit();
    }

    private static String params(Row r) {
        return r.result().params().entrySet().stream().filter(e -> !e.getKey().equals("model"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
