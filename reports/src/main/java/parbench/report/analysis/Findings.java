package parbench.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The seed article's claims, checked against the data of one {@link SpeedupTable}. A finding whose data is absent
 * (no I/O workload, no process models, no core counts) is left out, never guessed; one whose rows have too few
 * forks or iterations ({@link Evidence}) shows its numbers and says {@value Evidence#NOT_ENOUGH}.
 *
 * <p>Models are compared at equal concurrency (the same tasks in flight); models whose concurrency ignores
 * {@code p} are labelled so. Per-batch and per-task figures are never mixed: start-up cost is per batch and leaves
 * the dispatch benchmark (per task) out. Which model is best per workload and core count is the
 * {@link DecisionTable}'s answer, with its ties. Stateless.
 */
public final class Findings {

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
        return List.copyOf(findings);
    }

    private static Optional<Finding> threadsForIo(List<Row> rows) {
        List<Row> io = atLargestCores(rows.stream().filter(r -> r.kind() == WorkloadKind.IO && r.speedup() != null
                && !r.isBaseline() && !r.beyondIdeal()).toList());
        Map<Integer, List<Row>> byInFlight = io.stream().filter(r -> r.inFlight() != null)
                .collect(Collectors.groupingBy(Row::inFlight, TreeMap::new, Collectors.toList()));
        // the largest concurrency at which a process model and an in-JVM one both ran
        for (var e : ((TreeMap<Integer, List<Row>>) byInFlight).descendingMap().entrySet()) {
            Optional<Row> thread = best(e.getValue().stream().filter(r -> !r.modelInfo().isProcess()).toList());
            Optional<Row> process = best(e.getValue().stream().filter(r -> r.modelInfo().isProcess()).toList());
            if (thread.isEmpty() || process.isEmpty()) {
                continue;
            }
            Row t = thread.get();
            Row p = process.get();
            StringBuilder answer = new StringBuilder(String.format(Locale.ROOT,
                    "%s at %s, at equal concurrency (%d in flight): the best in-JVM model, %s, %s; the best process "
                            + "model, %s, %s", t.workload(), cores(t), e.getKey(), t.modelLabel(), t.speedupText(),
                    p.modelLabel(), p.speedupText()));
            unbounded(io, e.getKey()).ifPresent(u -> answer.append(String.format(Locale.ROOT,
                    ". Beyond it, %s runs %d in flight: %s", u.modelLabel(), u.inFlight(), u.speedupText())));
            answer.append(". ").append(verdict(List.of(t, p), t, p,
                    "Threads are enough for I/O: processes add nothing at the same concurrency.",
                    "Processes beat threads here, at the same concurrency."));
            return Optional.of(new Finding("Are threads enough for I/O?", answer.toString()));
        }
        return Optional.empty();
    }

    private static Optional<Row> unbounded(List<Row> io, int than) {
        return best(io.stream().filter(r -> !r.modelInfo().followsParallelism() && r.inFlight() != null
                && r.inFlight() > than).toList());
    }

    /**
     * The verdict of {@code a} against {@code b}: {@code aWins} unless {@code b}'s speedup is above {@code a}'s
     * beyond both intervals; {@value Evidence#NOT_ENOUGH} when any row lacks the data.
     */
    private static String verdict(List<Row> rows, Row a, Row b, String aHolds, String bWins) {
        Optional<String> lacking = rows.stream().map(Evidence::lacking).flatMap(Optional::stream).findFirst();
        if (lacking.isPresent()) {
            return "No verdict: " + Evidence.NOT_ENOUGH + " (" + lacking.get() + ").";
        }
        boolean bAbove = a.speedupInterval() != null && b.speedupInterval() != null
                && b.speedupInterval().low() > a.speedupInterval().high();
        return bAbove ? bWins : aHolds;
    }

    private static Optional<Finding> processesForCpu(List<Row> rows) {
        List<Row> cpu = atLargestCores(rows.stream().filter(r -> r.kind() == WorkloadKind.CPU && r.speedup() != null
                && !r.isBaseline() && !r.beyondIdeal()).toList());
        Map<String, List<Row>> byWork = cpu.stream().collect(Collectors.groupingBy(
                r -> r.result().param("work").orElse("?"), TreeMap::new, Collectors.toList()));
        List<String> parts = new ArrayList<>();
        List<String> winning = new ArrayList<>();
        List<String> noVerdict = new ArrayList<>();
        for (var e : byWork.entrySet()) {
            Optional<Row> proc = best(e.getValue().stream().filter(r -> r.modelInfo().isProcess()).toList());
            Optional<Row> thread = best(e.getValue().stream().filter(r -> !r.modelInfo().isProcess()).toList());
            if (proc.isEmpty() || thread.isEmpty()) {
                continue;
            }
            Row p = proc.get();
            Row t = thread.get();
            parts.add(String.format(Locale.ROOT, "work=%s: best process model %s %s, best in-JVM %s %s", e.getKey(),
                    p.modelLabel(), p.speedupText(), t.modelLabel(), t.speedupText()));
            if (!Evidence.enough(p) || !Evidence.enough(t)) {
                noVerdict.add(e.getKey());
            } else if (p.speedupInterval() != null && t.speedupInterval() != null
                    && p.speedupInterval().low() > t.speedupInterval().high()) {
                winning.add(e.getKey());
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        String verdict;
        if (!noVerdict.isEmpty()) {
            verdict = "No verdict: " + Evidence.NOT_ENOUGH + " (work=" + String.join(", ", noVerdict) + ").";
        } else {
            verdict = winning.isEmpty()
                    ? "Processes never beat the best in-JVM model beyond the intervals: the JVM has no GIL."
                    : "Processes win, beyond the intervals, at work=" + String.join(", ", winning) + ".";
        }
        return Optional.of(new Finding("Do processes pay off for CPU work, and above which task size?",
                "At " + cores(cpu.getFirst()) + ", each model at its best parallelism: " + String.join("; ", parts)
                        + ". " + verdict));
    }

    /** Per batch only: the dispatch benchmark's scores are per task and would mix two units in one median. */
    private static Optional<Finding> startUpCost(List<Row> rows) {
        List<Row> batches = rows.stream().filter(r -> r.kind() != WorkloadKind.DISPATCH
                && r.kind() != WorkloadKind.OTHER).toList();
        Map<String, Row> workers = batches.stream().filter(r -> r.model().equals("process-workers"))
                .collect(Collectors.toMap(Findings::sameBatch, r -> r, (a, b) -> a));
        Map<String, List<Double>> costs = new TreeMap<>();
        List<Row> used = new ArrayList<>();
        for (Row spawn : batches.stream().filter(r -> r.model().equals("process-spawn")).toList()) {
            Row reused = workers.get(sameBatch(spawn));
            if (reused != null) {
                costs.computeIfAbsent(spawn.workload(), k -> new ArrayList<>())
                        .add(spawn.metric().score() - reused.metric().score());
                used.add(spawn);
                used.add(reused);
            }
        }
        if (costs.isEmpty()) {
            return Optional.empty();
        }
        List<Double> all = costs.values().stream().flatMap(List::stream).sorted().toList();
        String byWorkload = costs.entrySet().stream().map(e -> {
            List<Double> v = e.getValue().stream().sorted().toList();
            return String.format(Locale.ROOT, "%s %.0f–%.0f ms", e.getKey(), v.getFirst(), v.getLast());
        }).collect(Collectors.joining(", "));
        String answer = String.format(Locale.ROOT,
                "Per batch, process-spawn takes %.1f ms more than process-workers (median of %d matching batch "
                        + "result%s; by workload: %s). The dispatch benchmark's per-task figures are not in this median.",
                median(all), all.size(), all.size() == 1 ? "" : "s", byWorkload);
        Optional<String> lacking = used.stream().map(Evidence::lacking).flatMap(Optional::stream).findFirst();
        if (lacking.isPresent()) {
            answer += " These are the numbers only: " + Evidence.NOT_ENOUGH + " (" + lacking.get() + ").";
        }
        return Optional.of(new Finding("What does process start-up cost?", answer));
    }

    private static Optional<Finding> distanceFromIdeal(List<Row> rows) {
        List<Row> withIdeal = atLargestCores(rows.stream().filter(r -> r.efficiency() != null).toList());
        if (withIdeal.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        withIdeal.stream().filter(r -> !r.beyondIdeal())
                .collect(Collectors.groupingBy(Row::workload, TreeMap::new, Collectors.groupingBy(Row::modelLabel,
                        TreeMap::new, Collectors.mapping(Row::efficiency, Collectors.toList()))))
                .forEach((workload, models) -> parts.add(workload + ": " + models.entrySet().stream()
                        .map(e -> Map.entry(e.getKey(), median(e.getValue())))
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .map(e -> String.format(Locale.ROOT, "%s %.0f %%", e.getKey(), 100 * e.getValue()))
                        .collect(Collectors.joining(", "))));
        List<String> flagged = withIdeal.stream().filter(Row::beyondIdeal)
                .map(r -> r.workload() + " " + r.modelLabel() + " " + r.efficiencyText()).toList();
        String answer = "Median efficiency (ideal on this machine ÷ measured) at " + cores(withIdeal.getFirst())
                + " — " + String.join("; ", parts) + ".";
        if (!flagged.isEmpty()) {
            answer += " Above 100 % beyond the interval, a measurement problem, not ranked: "
                    + String.join("; ", flagged) + ".";
        }
        return Optional.of(new Finding("How far is each model from the physical ideal?", answer));
    }

    /** The row with the highest speedup. */
    private static Optional<Row> best(List<Row> rows) {
        return rows.stream().filter(r -> r.speedup() != null).max(Comparator.comparingDouble(Row::speedup));
    }

    private static List<Row> atLargestCores(List<Row> rows) {
        Optional<Integer> max = rows.stream().map(Row::cores).filter(Objects::nonNull).max(Integer::compare);
        return max.map(m -> rows.stream().filter(r -> m.equals(r.cores())).toList()).orElse(rows);
    }

    private static String sameBatch(Row r) {
        return r.input() + "|" + r.cores() + "|" + r.workload() + "|" + r.result().params().entrySet().stream()
                .filter(e -> !e.getKey().equals("model")).toList();
    }

    private static String cores(Row r) {
        return r.cores() == null ? "unknown cores" : cores(r.cores());
    }

    /** "1 core", "2 cores": how every page and summary names a core count. */
    public static String cores(int count) {
        return count + (count == 1 ? " core" : " cores");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
