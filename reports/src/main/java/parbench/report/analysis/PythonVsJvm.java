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
 * input: the GIL claim, what numba reaches, what process pools cost on each side, and each side's best model per
 * workload. Python rows are grouped by {@link PythonInterpreter} (the {@code python} param): two interpreters of one
 * run are two sets of rows, each named with its GIL state, never pooled. numba's models ({@link Model#compiled()})
 * are not threads under the GIL: the GIL finding leaves them to a finding of their own. Speedups
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
            numba(py, jvm).ifPresent(own::add);
            processPools(py, jvm).ifPresent(own::add);
            bestPerWorkload(py, jvm).ifPresent(own::add);
            own.forEach(f -> findings.add(new Finding(f.question(), prefix + f.answer())));
        });
        return List.copyOf(findings);
    }

    private static Optional<Finding> gil(List<Row> py, List<Row> jvm) {
        Optional<CpuComparison> found = CpuComparison.of(py, jvm);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String question = "Python vs JVM: does the GIL stop Python threads on CPU work, and not JVM ones?";
        CpuComparison cpu = found.get();
        int c = cpu.cores();
        if (cpu.work() == null) {
            return Optional.of(new Finding(question, cpu.notCompared()));
        }
        // numba's models are compiled outside the GIL: they are the numba finding's, not threads under the GIL
        Optional<Row> jvmThread = best(cpu.jvm(), c, r -> !r.modelInfo().isProcess() && !r.isBaseline()
                && concurrent(r));
        Map<PythonInterpreter, Row> pyThreads = new TreeMap<>();
        cpu.py().forEach((interpreter, rows) -> best(rows, c, r -> !r.modelInfo().isProcess()
                && !r.modelInfo().compiled() && !r.isBaseline() && concurrent(r))
                .ifPresent(t -> pyThreads.put(interpreter, t)));
        if (pyThreads.isEmpty() || jvmThread.isEmpty()) {
            return Optional.empty();
        }
        Row jvmBest = jvmThread.get();
        StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                "Threads on CPU work (work=%s on both sides) at %d cores: ", cpu.work(), c));
        answer.append(pyThreads.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s on %s",
                ratio(e.getValue()), e.getKey().named())).collect(Collectors.joining("; ")));
        answer.append(String.format(Locale.ROOT, "; %s on the JVM. ", ratio(jvmBest)));
        pyThreads.forEach((interpreter, thread) -> {
            answer.append(String.format(Locale.ROOT, "%s: the best Python thread model, %s, reaches %s over "
                    + "py-sequential (%s)", interpreter.named(), thread.modelLabel(), thread.speedupText(),
                    params(thread)));
            best(cpu.py().get(interpreter), c, r -> r.modelInfo().isProcess() && concurrent(r))
                    .ifPresent(p -> answer.append(String.format(Locale.ROOT, "; the best Python process model, %s, %s",
                            p.modelLabel(), p.speedupText())));
            answer.append(". ");
        });
        answer.append(String.format(Locale.ROOT, "The best JVM thread model, %s, %s over sequential (%s). ",
                jvmBest.modelLabel(), jvmBest.speedupText(), params(jvmBest)));
        if (cpu.py().values().stream().flatMap(List::stream).anyMatch(r -> r.modelInfo().compiled())) {
            answer.append("numba's models run compiled, outside the GIL: they are in a finding of their own. ");
        }
        List<Row> compared = new ArrayList<>(pyThreads.values());
        compared.add(jvmBest);
        Optional<String> lacking = compared.stream().map(Evidence::lacking).flatMap(Optional::stream).findFirst();
        if (lacking.isPresent()) {
            answer.append("No verdict: ").append(Evidence.NOT_ENOUGH).append(" (").append(lacking.get()).append(").");
            return Optional.of(new Finding(question, answer.toString()));
        }
        double halfway = 1 + (c - 1) / 2.0;
        boolean jvmScales = lower(jvmBest) >= halfway;
        List<String> verdicts = new ArrayList<>();
        pyThreads.forEach((interpreter, thread) -> {
            boolean stalls = upper(thread) < halfway;
            boolean scales = lower(thread) >= halfway;
            String named = interpreter.named();
            if (interpreter.freeThreaded()) {
                verdicts.add(scales
                        ? named + ": without the GIL its threads parallelise CPU work" + (jvmScales
                                ? ", as JVM threads do." : ".")
                        : stalls ? named + ": even without the GIL its threads do not reach half the cores beyond "
                                + "their interval: the limit here is not the GIL."
                                : named + ": without the GIL its threads neither stall nor reach half the cores "
                                        + "beyond their interval.");
            } else {
                verdicts.add(stalls && jvmScales
                        ? named + ": the GIL claim holds: its threads do not parallelise CPU work, JVM threads do."
                        : stalls ? named + ": Python threads do not parallelise CPU work here, and JVM threads do "
                                + "not reach half the cores beyond their interval either: the data do not single "
                                + "out the GIL."
                                : named + ": Python threads may have parallelised CPU work here: the data do not "
                                        + "show the GIL's limit.");
            }
        });
        answer.append(String.join(" ", verdicts));
        return Optional.of(new Finding(question, answer.toString()));
    }

    /**
     * numba beside the JVM's thread models and Python's processes, per interpreter that ran it: CPU work, equal
     * work sizes, the largest core count both sides ran. numba compiles the task, so its speedup over the
     * interpreted {@code py-sequential} is compilation and parallelism together; the JVM's is parallelism alone.
     */
    private static Optional<Finding> numba(List<Row> py, List<Row> jvm) {
        Optional<CpuComparison> found = CpuComparison.of(py, jvm);
        if (found.isEmpty() || found.get().work() == null) {
            return Optional.empty();
        }
        CpuComparison cpu = found.get();
        int c = cpu.cores();
        List<String> parts = new ArrayList<>();
        List<Row> shown = new ArrayList<>();
        cpu.py().forEach((interpreter, rows) -> {
            Map<String, Row> compiled = new TreeMap<>();
            rows.stream().filter(r -> r.modelInfo().compiled() && Objects.equals(r.cores(), c) && r.speedup() != null)
                    .forEach(r -> compiled.merge(r.model(), r, (a, b) -> a.speedup() >= b.speedup() ? a : b));
            if (compiled.isEmpty()) {
                return;
            }
            StringBuilder part = new StringBuilder(interpreter.named()).append(": ");
            part.append(compiled.values().stream().map(r -> String.format(Locale.ROOT, "%s %s (%s)", r.modelLabel(),
                    r.speedupText(), params(r))).collect(Collectors.joining(", ")));
            shown.addAll(compiled.values());
            best(rows, c, r -> r.modelInfo().isProcess() && concurrent(r)).ifPresent(p -> {
                part.append(String.format(Locale.ROOT, "; its best process model, %s, %s", p.modelLabel(),
                        p.speedupText()));
                shown.add(p);
            });
            parts.add(part.toString());
        });
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                "CPU work (work=%s on both sides) at %d cores, over py-sequential — ", cpu.work(), c));
        answer.append(String.join(". ", parts)).append(". ");
        best(cpu.jvm(), c, r -> !r.modelInfo().isProcess() && !r.isBaseline() && concurrent(r)).ifPresent(j -> {
            answer.append(String.format(Locale.ROOT, "The best JVM thread model, %s, %s over sequential (%s). ",
                    j.modelLabel(), j.speedupText(), params(j)));
            shown.add(j);
        });
        answer.append("numba compiles the task, so its speedup over the interpreted py-sequential is compilation and "
                + "parallelism together; the JVM's is parallelism alone.");
        shown.stream().map(Evidence::lacking).flatMap(Optional::stream).findFirst().ifPresent(why -> answer
                .append(" These are the numbers only: ").append(Evidence.NOT_ENOUGH).append(" (").append(why)
                .append(")."));
        return Optional.of(new Finding("Python vs JVM: what does numba reach on CPU work, beside JVM threads and "
                + "Python's processes?", answer.toString()));
    }

    /** A speedup without its interval, for a lead sentence: "0.90×". */
    private static String ratio(Row r) {
        return String.format(Locale.ROOT, r.speedup() >= 0.1 ? "%.2f×" : "%.2g×", r.speedup());
    }

    /**
     * The CPU rows both findings on CPU work compare: the largest core count (at least 2) at which both sides ran
     * CPU work, the largest work size both ran there ({@code work} null where they ran none in common, with
     * {@link #notCompared()} saying so), Python's rows at that work size per interpreter, and the JVM's.
     */
    private record CpuComparison(int cores, String work, Set<String> pyWork, Set<String> jvmWork,
                                 Map<PythonInterpreter, List<Row>> py, List<Row> jvm) {

        static Optional<CpuComparison> of(List<Row> py, List<Row> jvm) {
            Optional<Integer> cores = largestCommonCores(cpu(py), cpu(jvm));
            if (cores.isEmpty() || cores.get() < 2) {
                return Optional.empty();
            }
            int c = cores.get();
            Set<String> pyWork = works(cpu(py), c);
            Set<String> jvmWork = works(cpu(jvm), c);
            TreeSet<String> common = new TreeSet<>(pyWork);
            common.retainAll(jvmWork);
            if (common.isEmpty()) {
                return Optional.of(new CpuComparison(c, null, pyWork, jvmWork, Map.of(), List.of()));
            }
            String work = common.last();
            Map<PythonInterpreter, List<Row>> byInterpreter = byInterpreter(cpu(py).stream()
                    .filter(r -> work.equals(r.result().param("work").orElse(null))).toList());
            List<Row> jvmRows = cpu(jvm).stream().filter(r -> work.equals(r.result().param("work").orElse(null)))
                    .toList();
            return Optional.of(new CpuComparison(c, work, pyWork, jvmWork, byInterpreter, jvmRows));
        }

        String notCompared() {
            return String.format(Locale.ROOT,
                    "Not compared: at %d cores Python's CPU task ran work=%s and the JVM's work=%s, and findings "
                            + "across languages compare equal work sizes only (plan both at one work size).",
                    cores, String.join(", ", pyWork), String.join(", ", jvmWork));
        }
    }

    /** Python rows per interpreter, in label order: two interpreters never pool. */
    private static Map<PythonInterpreter, List<Row>> byInterpreter(List<Row> py) {
        return py.stream().collect(Collectors.groupingBy(PythonInterpreter::of, TreeMap::new, Collectors.toList()));
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
            List<Row> pyRows = allPy.stream().filter(r -> common.contains(work(r))).toList();
            List<Row> jvmRows = allJvm.stream().filter(r -> common.contains(work(r))).toList();
            Optional<Integer> cores = largestCommonCores(
                    pyRows.stream().filter(r -> r.modelInfo().isProcess()).toList(),
                    jvmRows.stream().filter(r -> r.modelInfo().isProcess()).toList());
            if (cores.isEmpty()) {
                continue;
            }
            int c = cores.get();
            Map<PythonInterpreter, List<Row>> pyByInterpreter = byInterpreter(pyRows);
            List<Row> shown = new ArrayList<>();
            pyByInterpreter.values().forEach(rows -> shown.addAll(pick(rows, c)));
            shown.addAll(pick(jvmRows, c));
            ScoreScale unit = ScoreScale.of(TimeUnits.NORMAL_TIME, shown.stream().mapToDouble(r -> r.metric().score()).toArray());
            String pyParts = pyByInterpreter.entrySet().stream()
                    .filter(e -> !pick(e.getValue(), c).isEmpty())
                    .map(e -> (e.getKey().label() == null ? "" : e.getKey().named() + ": ")
                            + pick(e.getValue(), c).stream().map(r -> describe(r, unit)).collect(Collectors.joining("; ")))
                    .collect(Collectors.joining(". "));
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
            List<Row> pyRows = allPy.stream().filter(r -> common.contains(work(r))).toList();
            List<Row> jvmRows = allJvm.stream().filter(r -> common.contains(work(r))).toList();
            Optional<Integer> cores = largestCommonCores(pyRows, jvmRows);
            if (cores.isEmpty()) {
                return;
            }
            int c = cores.get();
            Optional<Row> bestJvm = best(jvmRows, c, r -> !r.isBaseline() && !r.beyondIdeal());
            List<String> pyParts = new ArrayList<>();
            byInterpreter(pyRows).forEach((interpreter, rows) -> best(rows, c,
                    r -> !r.isBaseline() && !r.beyondIdeal()).ifPresent(p -> pyParts.add(String.format(Locale.ROOT,
                    "Python%s %s %s (%s)", interpreter.label() == null ? "" : " on " + interpreter.named(),
                    p.modelLabel(), p.speedupText(), params(p)))));
            if (!pyParts.isEmpty() && bestJvm.isPresent()) {
                Row j = bestJvm.get();
                parts.add(String.format(Locale.ROOT, "%s at %d cores: %s, JVM %s %s (%s)", workload, c,
                        String.join(", ", pyParts), j.modelLabel(), j.speedupText(), params(j)));
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

    /**
     * The work sizes (params other than model, parallelism and the Python interpreter) both sides ran: the only ones
     * compared.
     */
    private static Set<Map<String, String>> commonWork(List<Row> py, List<Row> jvm) {
        Set<Map<String, String>> onJvm = jvm.stream().map(PythonVsJvm::work).collect(Collectors.toSet());
        return py.stream().map(PythonVsJvm::work).filter(onJvm::contains).collect(Collectors.toSet());
    }

    /** A row's work size: its workload params without {@code python}, which names an interpreter, not work. */
    private static Map<String, String> work(Row r) {
        Map<String, String> params = r.workloadParams();
        params.remove("python");
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

    /** Whether the row may run two tasks at once: a pool of one thread cannot test the GIL. */
    private static boolean concurrent(Row r) {
        return r.inFlight() == null || r.inFlight() > 1;
    }

    /** "53.18 us/op": a score in the sentence's one unit. */
    private static String score(ScoreScale unit, double value) {
        return unit.format(value) + " " + unit.unit();
    }

    /** "parallelism=2, tasks=8, work=1000": without the model and the interpreter, which the sentence names. */
    private static String params(Row r) {
        return r.result().params().entrySet().stream()
                .filter(e -> !e.getKey().equals("model") && !e.getKey().equals("python"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
