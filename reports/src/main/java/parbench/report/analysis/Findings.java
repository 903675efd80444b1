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
import java.util.stream.Collectors;

/**
 * The seed article's claims, checked against the data of one {@link SpeedupTable}. A finding whose data is absent
 * (no I/O workload, no process models, no core counts) is left out, never guessed.
 */
public final class Findings {

    private static final Set<String> PROCESS_MODELS = Set.of("process-workers", "process-spawn");

    private Findings() {
    }

    public static List<Finding> of(SpeedupTable table) {
        List<Finding> findings = new ArrayList<>();
        List<Row> rows = table.rows().stream()
                .filter(r -> r.model() != null && !r.python() && r.isTimePerOp() && Double.isFinite(r.metric().score()))
                .toList();
        threadsForIo(rows).ifPresent(findings::add);
        processesForCpu(rows).ifPresent(findings::add);
        startUpCost(rows).ifPresent(findings::add);
        distanceFromIdeal(rows).ifPresent(findings::add);
        bestModels(rows).ifPresent(findings::add);
        return List.copyOf(findings);
    }

    private static Optional<Finding> threadsForIo(List<Row> rows) {
        List<Row> io = atLargestCores(rows.stream().filter(r -> r.kind() == WorkloadKind.IO && r.speedup() != null).toList());
        Optional<Row> bestThread = io.stream().filter(r -> !PROCESS_MODELS.contains(r.model()) && !isSequential(r))
                .max(Comparator.comparingDouble(Row::speedup));
        if (bestThread.isEmpty()) {
            return Optional.empty();
        }
        Row t = bestThread.get();
        Optional<Row> bestProcess = io.stream().filter(r -> PROCESS_MODELS.contains(r.model()))
                .max(Comparator.comparingDouble(Row::speedup));
        StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                "%s at %s: %s reaches %.1f× over sequential (%s)%s", t.workload(), cores(t), t.model(),
                t.speedup(), params(t), efficiencyText(t)));
        bestProcess.ifPresent(p -> answer.append(String.format(Locale.ROOT, "; the best process model, %s, %.1f×",
                p.model(), p.speedup())));
        boolean enough = bestProcess.isEmpty() || t.speedup() >= bestProcess.get().speedup();
        answer.append(enough ? ". Threads are enough for I/O." : ". Processes beat threads here.");
        return Optional.of(new Finding("Are threads enough for I/O?", answer.toString()));
    }

    private static Optional<Finding> processesForCpu(List<Row> rows) {
        List<Row> cpu = atLargestCores(rows.stream().filter(r -> r.kind() == WorkloadKind.CPU).toList());
        Map<String, List<Row>> byWork = cpu.stream().collect(Collectors.groupingBy(
                r -> r.result().param("work").orElse("?"), TreeMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        List<String> winning = new ArrayList<>();
        for (var e : byWork.entrySet()) {
            Optional<Row> proc = e.getValue().stream().filter(r -> r.model().equals("process-workers"))
                    .min(Comparator.comparingDouble(r -> r.metric().score()));
            Optional<Row> thread = e.getValue().stream()
                    .filter(r -> !PROCESS_MODELS.contains(r.model()) && !isSequential(r))
                    .min(Comparator.comparingDouble(r -> r.metric().score()));
            if (proc.isPresent() && thread.isPresent()) {
                double ratio = thread.get().metric().score() / proc.get().metric().score();
                parts.add(String.format(Locale.ROOT, "work=%s: process-workers %s ms vs %s %s ms (%.2f×)", e.getKey(),
                        ms(proc.get()), thread.get().model(), ms(thread.get()), ratio));
                if (ratio > 1) {
                    winning.add(e.getKey());
                }
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String verdict = winning.isEmpty()
                ? "Processes never beat the best in-JVM thread model: the JVM has no GIL."
                : "Processes win from work=" + winning.getFirst() + " (of " + String.join(", ", winning) + ").";
        return Optional.of(new Finding("Do processes pay off for CPU work, and above which task size?",
                "At " + cores(cpu.getFirst()) + ", " + String.join("; ", parts) + ". " + verdict));
    }

    private static Optional<Finding> startUpCost(List<Row> rows) {
        Map<String, Row> workers = rows.stream().filter(r -> r.model().equals("process-workers"))
                .collect(Collectors.toMap(Findings::sameBatch, r -> r, (a, b) -> a));
        List<Double> costs = new ArrayList<>();
        for (Row spawn : rows.stream().filter(r -> r.model().equals("process-spawn")).toList()) {
            Row reused = workers.get(sameBatch(spawn));
            if (reused != null) {
                costs.add(spawn.metric().score() - reused.metric().score());
            }
        }
        if (costs.isEmpty()) {
            return Optional.empty();
        }
        List<Double> sorted = costs.stream().sorted().toList();
        double median = sorted.get(sorted.size() / 2);
        return Optional.of(new Finding("What does process start-up cost?", String.format(Locale.ROOT,
                "process-spawn takes %.1f ms more per batch than process-workers (median over %d matching "
                        + "results; range %.1f to %.1f ms).",
                median, costs.size(), sorted.getFirst(), sorted.getLast())));
    }

    private static Optional<Finding> distanceFromIdeal(List<Row> rows) {
        List<Row> withIdeal = atLargestCores(rows.stream().filter(r -> r.efficiency() != null).toList());
        if (withIdeal.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, Double>> medianByWorkload = new TreeMap<>();
        withIdeal.stream().collect(Collectors.groupingBy(Row::workload, TreeMap::new,
                        Collectors.groupingBy(Row::model, TreeMap::new, Collectors.mapping(Row::efficiency, Collectors.toList()))))
                .forEach((workload, models) -> {
                    Map<String, Double> medians = new TreeMap<>();
                    models.forEach((model, values) -> medians.put(model, median(values)));
                    medianByWorkload.put(workload, medians);
                });
        List<String> parts = new ArrayList<>();
        medianByWorkload.forEach((workload, medians) -> parts.add(workload + ": " + medians.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                .collect(Collectors.joining(", "))));
        return Optional.of(new Finding("How far is each model from the physical ideal?",
                "Median efficiency (ideal ÷ measured) at " + cores(withIdeal.getFirst()) + " — "
                        + String.join("; ", parts) + "."));
    }

    private static Optional<Finding> bestModels(List<Row> rows) {
        Map<String, Map<Integer, Map<String, Long>>> wins = new TreeMap<>();
        rows.stream().filter(r -> r.cores() != null && r.kind() != WorkloadKind.OTHER)
                .collect(Collectors.groupingBy(r -> r.input() + "|" + r.cores() + "|" + r.workload() + "|" + r.workloadParams()))
                .values().forEach(group -> group.stream().min(Comparator.comparingDouble(r -> r.metric().score()))
                        .ifPresent(best -> wins.computeIfAbsent(best.workload(), k -> new TreeMap<>())
                                .computeIfAbsent(best.cores(), k -> new TreeMap<>())
                                .merge(best.model(), 1L, Long::sum)));
        if (wins.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        wins.forEach((workload, byCores) -> byCores.forEach((cores, models) -> {
            long total = models.values().stream().mapToLong(Long::longValue).sum();
            var top = models.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
            parts.add(String.format(Locale.ROOT, "%s at %s: %s (fastest in %d of %d param sets)", workload,
                    cores(cores), top.getKey(), top.getValue(), total));
        }));
        return Optional.of(new Finding("Which model is best per workload and core count?", String.join("; ", parts) + "."));
    }

    private static List<Row> atLargestCores(List<Row> rows) {
        Optional<Integer> max = rows.stream().map(Row::cores).filter(Objects::nonNull).max(Integer::compare);
        return max.map(m -> rows.stream().filter(r -> m.equals(r.cores())).toList()).orElse(rows);
    }

    private static String sameBatch(Row r) {
        return r.input() + "|" + r.cores() + "|" + r.workload() + "|" + r.result().params().entrySet().stream()
                .filter(e -> !e.getKey().equals("model")).toList();
    }

    private static boolean isSequential(Row r) {
        return r.model().equals(SpeedupTable.BASELINE);
    }

    private static String cores(Row r) {
        return r.cores() == null ? "unknown cores" : cores(r.cores());
    }

    /** "1 core", "2 cores": how every page and summary names a core count. */
    public static String cores(int count) {
        return count + (count == 1 ? " core" : " cores");
    }

    private static String params(Row r) {
        return r.workloadParams().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String efficiencyText(Row r) {
        return r.efficiency() == null ? "" : String.format(Locale.ROOT, ", %.0f %% of the physical ideal", 100 * r.efficiency());
    }

    private static String ms(Row r) {
        return String.format(Locale.ROOT, "%.3g", r.metric().score());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
