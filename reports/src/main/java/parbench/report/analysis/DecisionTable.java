package parbench.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The report's answer, first on the page and in {@code summary.md}: for each workload (and each task-size class
 * the grid has: a distinct set of params other than {@code model} and {@code parallelism}) and each core count,
 * which models to use, and how sure the data are.
 *
 * <p>Each {@link Cell} holds the models statistically indistinguishable from the best (their speedup intervals
 * overlap the best one's: ties are kept, never broken by the point estimate), the best speedup with its interval,
 * and one line of why. Two comparisons, named as such:
 * <ul>
 *   <li>{@link Comparison#EQUAL_CONCURRENCY}: only the models that had the same number of tasks in flight, the
 *       grid's parallelism equal to the core count (else its largest); the others are named as left out.</li>
 *   <li>{@link Comparison#AT_BEST}: every model at the parallelism where it was fastest, that parallelism named.</li>
 * </ul>
 * Models whose concurrency ignores {@code p} carry "(ignores p)". A result above the physical ideal beyond its
 * interval is a measurement problem: listed, never recommended. A cell whose rows are below {@link Evidence}'s
 * minimum shows its numbers under {@value Evidence#NOT_ENOUGH}. Python rows are lines of their own (their speedups
 * divide by {@code py-sequential}, at their own work sizes). Immutable.
 *
 * @param cores every core count of the table's columns, ascending
 * @param lines one per workload and task-size class
 */
public record DecisionTable(List<Integer> cores, List<Line> lines) {

    public DecisionTable {
        cores = List.copyOf(cores);
        lines = List.copyOf(lines);
    }

    /** Which models a cell compares. */
    public enum Comparison {
        EQUAL_CONCURRENCY("at equal concurrency"),
        AT_BEST("at each model's best parallelism");

        private final String title;

        Comparison(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /**
     * One workload and task-size class: its cells by core count, for each comparison.
     *
     * @param label {@code CpuBenchmark.batch · tasks=32, work=1000000}, with "Python" and the input where needed
     */
    public record Line(String label, WorkloadKind kind, Map<Comparison, Map<Integer, Cell>> cells) {

        /** The cell at {@code cores} for {@code comparison}, or null where nothing ran. */
        public Cell cell(Comparison comparison, int cores) {
            return cells.getOrDefault(comparison, Map.of()).get(cores);
        }
    }

    /**
     * One answer.
     *
     * @param recommended the models indistinguishable from the best, best first (one: a clear winner)
     * @param best        the fastest by speedup
     * @param lacking     what the data lack for a verdict ("1 fork of 5 iterations ..."); empty when there is one
     * @param why         one line: what bounds this workload and what it means for the models
     * @param note        what else a reader must know: models left out of the comparison, flagged results; empty
     *                    when nothing
     */
    public record Cell(List<Row> recommended, Row best, String lacking, String why, String note) {

        public Cell {
            recommended = List.copyOf(recommended);
        }

        /** False when the data cannot carry a verdict: the numbers are shown, the models not recommended. */
        public boolean verdict() {
            return lacking.isEmpty();
        }

        /** "fixed-pool p=2, fork-join p=2 (indistinguishable)" or "not enough data for a finding (why)". */
        public String models() {
            if (!verdict()) {
                return Evidence.NOT_ENOUGH + " (" + lacking + ")";
            }
            String names = recommended.stream().map(Cell::named).collect(Collectors.joining(", "));
            return recommended.size() > 1 ? names + " (indistinguishable)" : names;
        }

        /** The best's speedup with its interval, with its model named where there is no verdict or a tie. */
        public String speedup() {
            return (verdict() && recommended.size() == 1 ? "" : "best measured: " + named(best) + " ")
                    + best.speedupText();
        }

        private static String named(Row r) {
            return r.modelLabel() + (r.parallelism() == null || !r.modelInfo().followsParallelism() ? ""
                    : " p=" + r.parallelism());
        }
    }

    public static DecisionTable of(SpeedupTable table) {
        List<Row> rows = table.rows().stream()
                .filter(r -> r.model() != null && r.cores() != null && r.speedup() != null)
                .toList();
        boolean several = table.inputs().size() > 1;
        Map<String, List<Row>> byLine = rows.stream().collect(Collectors.groupingBy(
                r -> lineLabel(table, r, several), TreeMap::new, Collectors.toList()));
        List<Line> lines = new ArrayList<>();
        byLine.forEach((label, lineRows) -> {
            Map<Comparison, Map<Integer, Cell>> cells = new LinkedHashMap<>();
            Map<Integer, List<Row>> byCores = lineRows.stream()
                    .collect(Collectors.groupingBy(Row::cores, TreeMap::new, Collectors.toList()));
            byCores.forEach((cores, at) -> {
                equalConcurrency(at, cores).ifPresent(c -> cells.computeIfAbsent(Comparison.EQUAL_CONCURRENCY,
                        k -> new TreeMap<>()).put(cores, c));
                atBest(at, cores).ifPresent(c -> cells.computeIfAbsent(Comparison.AT_BEST, k -> new TreeMap<>())
                        .put(cores, c));
            });
            lines.add(new Line(label, lineRows.getFirst().kind(), cells));
        });
        List<Integer> cores = rows.stream().map(Row::cores).collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
        return new DecisionTable(cores, lines);
    }

    /** "CpuBenchmark.batch · tasks=32, work=1000000", with "Python", a non-avgt mode and the input where needed. */
    static String lineLabel(SpeedupTable table, Row r, boolean several) {
        String params = r.workloadParams().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return r.workload() + (params.isEmpty() ? "" : " · " + params) + (r.python() ? " · Python" : "")
                + (r.result().mode().equals("avgt") ? "" : " · " + r.result().mode())
                + (several ? " · " + table.inputs().get(r.input()).label() : "");
    }

    /** The models with {@code k} tasks in flight, {@code k} the parallelism equal to the cores, else the largest. */
    private static Optional<Cell> equalConcurrency(List<Row> at, int cores) {
        TreeSet<Integer> ps = at.stream().filter(r -> r.modelInfo().followsParallelism() && r.parallelism() != null)
                .map(Row::inFlight).collect(Collectors.toCollection(TreeSet::new));
        if (ps.isEmpty()) {
            return Optional.empty();
        }
        int k = ps.contains(cores) ? cores : ps.last();
        List<Row> same = at.stream().filter(r -> !r.isBaseline() && Objects.equals(r.inFlight(), k)).toList();
        java.util.Set<String> present = same.stream().map(Row::model).collect(Collectors.toSet());
        List<String> out = at.stream().filter(r -> !r.isBaseline() && !present.contains(r.model()))
                .collect(Collectors.groupingBy(Row::modelLabel, java.util.LinkedHashMap::new,
                        Collectors.mapping(r -> String.valueOf(r.inFlight()), Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().map(e -> e.getKey() + " " + String.join("/", e.getValue())).toList();
        String left = out.isEmpty() ? "" : "Not at " + k + " in flight, left out: " + String.join(", ", out) + ".";
        return decide(same, k + " in flight: " + why(at.getFirst(), k), left);
    }

    /** Every model at the parallelism where its speedup was highest. */
    private static Optional<Cell> atBest(List<Row> at, int cores) {
        Map<String, Row> best = new TreeMap<>();
        at.stream().filter(r -> !r.beyondIdeal()).forEach(r -> best.merge(r.model(), r,
                (a, b) -> a.speedup() >= b.speedup() ? a : b));
        return decide(List.copyOf(best.values()), why(at.getFirst(), null), "");
    }

    private static Optional<Cell> decide(List<Row> candidates, String why, String left) {
        List<String> notes = new ArrayList<>();
        if (!left.isEmpty()) {
            notes.add(left);
        }
        List<Row> flagged = candidates.stream().filter(Row::beyondIdeal).toList();
        if (!flagged.isEmpty()) {
            notes.add("Above the physical ideal beyond the interval, a measurement problem, not ranked: "
                    + flagged.stream().map(r -> r.modelLabel() + " " + r.efficiencyText())
                    .collect(Collectors.joining(", ")) + ".");
        }
        List<Row> ranked = candidates.stream().filter(r -> !r.beyondIdeal())
                .sorted(Comparator.comparingDouble(Row::speedup).reversed()).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Row best = ranked.getFirst();
        List<Row> ties = best.speedupInterval() == null ? List.of(best)
                : ranked.stream().filter(r -> r == best
                        || (r.speedupInterval() != null && r.speedupInterval().overlaps(best.speedupInterval())))
                .toList();
        Optional<String> lacking = ties.stream().map(Evidence::lacking).flatMap(Optional::stream).findFirst()
                .or(() -> ties.stream().filter(r -> r.speedupInterval() == null).findFirst()
                        .map(r -> r.modelLabel() + " has no interval"));
        return Optional.of(new Cell(ties, best, lacking.orElse(""), why, String.join(" ", notes)));
    }

    /** What bounds this workload, in one line; {@code k} the tasks in flight compared, or null for each model's best. */
    private static String why(Row r, Integer k) {
        Integer n = r.tasks();
        String tasks = n == null ? "n" : String.valueOf(n);
        return switch (r.kind()) {
            case SLEEP, IO -> {
                String work = r.kind() == WorkloadKind.IO ? "blocking I/O" : "sleeping tasks";
                yield k == null
                        ? String.format(Locale.ROOT, "%s: time is waves of the wait; any model with ≥ %s in flight "
                                + "needs one wave, pools of p < %s cap at p×", work, tasks, tasks)
                        : String.format(Locale.ROOT, "%s: at %d in flight every model needs the same %s waves; the "
                                + "difference is overhead", work, k, n == null ? "n/k" : String.valueOf(
                                        (int) Math.ceil((double) n / k)));
            }
            case CPU -> String.format(Locale.ROOT, "CPU work: at most %d× on %s; more threads add nothing, "
                    + "processes add transfer and start-up", r.cores(), Findings.cores(r.cores()));
            case DISPATCH -> "per-task hand-off: no work to share, so the cheapest hand-off wins (sequential has none)";
            case OTHER -> "speedup over sequential at the same params";
        };
    }
}
