package parbench.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One model's speedup curve on one workload line of the {@link DecisionTable}, along core counts (parallelism =
 * the core count) or along parallelism (at the largest core count), with Amdahl's law and the USL fitted where it
 * has at least {@value ScalingLaw#MIN_POINTS} points ({@link ScalingLaw}). With fewer, {@link #text} says "too few
 * core counts to fit" (or parallelism values) and nothing is drawn. Immutable.
 *
 * @param line   the decision table's line label
 * @param model  the model's label, "(ignores p)" included
 * @param axis   {@code cores} or {@code parallelism}
 * @param n      the points' N, ascending
 * @param speedup the speedups at {@code n}
 */
public record ScalingCurve(String line, String model, String axis, double[] n, double[] speedup,
                           Optional<ScalingLaw> amdahl, Optional<ScalingLaw> usl) {

    /** "Amdahl: ...; USL: ...", or why there is no fit. */
    public String text() {
        if (amdahl.isEmpty() && usl.isEmpty()) {
            return axis.equals("cores") ? ScalingLaw.TOO_FEW
                    : "too few parallelism values to fit";
        }
        return "Amdahl: " + amdahl.map(a -> a.text(axis)).orElse("no fit") + "; USL: "
                + usl.map(u -> u.text(axis)).orElse("no fit");
    }

    public int points() {
        return n.length;
    }

    /** Every model's curves on every line: along cores where the grid has core counts, along parallelism too. */
    public static List<ScalingCurve> of(SpeedupTable table) {
        boolean several = table.inputs().size() > 1;
        Map<String, List<Row>> byLine = table.rows().stream()
                .filter(r -> r.model() != null && r.cores() != null && r.speedup() != null && !r.isBaseline())
                .collect(Collectors.groupingBy(r -> DecisionTable.lineLabel(table, r, several), TreeMap::new,
                        Collectors.toList()));
        List<ScalingCurve> curves = new ArrayList<>();
        byLine.forEach((line, rows) -> {
            Map<String, List<Row>> byModel = rows.stream()
                    .collect(Collectors.groupingBy(Row::model, TreeMap::new, Collectors.toList()));
            int maxCores = rows.stream().mapToInt(Row::cores).max().orElseThrow();
            byModel.forEach((model, own) -> {
                String label = own.getFirst().modelLabel();
                Map<Integer, Row> alongCores = new TreeMap<>();
                own.stream().sorted(Comparator.comparing((Row r) -> !Objects.equals(r.parallelism(), r.cores())))
                        .forEach(r -> alongCores.putIfAbsent(r.cores(), r));
                boolean coresCurve = rows.stream().map(Row::cores).distinct().count() > 1;
                if (coresCurve) {
                    curves.add(curve(line, label, "cores", alongCores));
                }
                if (own.getFirst().modelInfo().followsParallelism()) {
                    Map<Integer, Row> alongP = new TreeMap<>();
                    own.stream().filter(r -> r.cores() == maxCores && r.parallelism() != null)
                            .forEach(r -> alongP.putIfAbsent(r.parallelism(), r));
                    if (alongP.size() > 1 || !coresCurve) {
                        curves.add(curve(line, label, "parallelism", alongP));
                    }
                }
            });
        });
        return List.copyOf(curves);
    }

    private static ScalingCurve curve(String line, String model, String axis, Map<Integer, Row> points) {
        double[] n = points.keySet().stream().mapToDouble(Integer::doubleValue).toArray();
        double[] s = points.values().stream().mapToDouble(Row::speedup).toArray();
        return new ScalingCurve(line, model, axis, n, s, ScalingLaw.amdahl(n, s), ScalingLaw.usl(n, s));
    }
}
