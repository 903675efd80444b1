package parbench.report.compare;

import parbench.report.analysis.Row;
import parbench.report.analysis.SpeedupTable;
import parbench.report.analysis.WorkloadKind;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.TimeUnits;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one side's runs into the figures a comparison compares, pooling equal keys (a key repeated in one file,
 * several runs on a side).
 *
 * <p>Same hardware: every result's score samples, in the normalised unit. Cross hardware: only figures that do not
 * depend on the machine, computed within each run before pooling.
 * <ul>
 *   <li>{@code speedup} of every non-{@code sequential} model: the {@code sequential} result of the same run,
 *       benchmark, mode, core count and params except {@code model} (falling back to params except {@code model} and
 *       {@code parallelism}, as the report does) gives a central value, its median; each sample of the model gives
 *       one speedup, {@code sequential median / sample} for times, {@code sample / sequential median} for
 *       throughputs. Dividing by the median rather than pairing samples keeps the baseline's own noise out of the
 *       candidate's spread, at the cost of treating it as exact.</li>
 *   <li>{@code efficiency} where the report computes a physical ideal that is not itself a rescaled speedup (sleep
 *       and I/O workloads, {@code ms/op}): {@code ideal / sample}, for every model including {@code sequential}.</li>
 * </ul>
 * Results with neither (other projects' benchmarks, no sequential baseline) are left out of a cross-hardware
 * comparison, and a warning says how many.
 */
final class Figures {

    static final String SCORE = "score";
    static final String SPEEDUP = "speedup";
    static final String EFFICIENCY = "efficiency";

    private Figures() {
    }

    /** The scores of every result of {@code runs}, pooled by key. */
    static Map<ComparisonKey, Figure> scores(List<RunInput> runs) {
        Map<ComparisonKey, Pool> pools = new LinkedHashMap<>();
        for (RunInput run : runs) {
            for (ResultSet set : run.sets()) {
                Integer cores = set.coresBoxed().orElse(null);
                for (BenchmarkResult result : set.results()) {
                    String unit = TimeUnits.normalised(result.primaryMetric().unit());
                    var key = new ComparisonKey(result.benchmark(), result.mode(), result.params(), cores, SCORE, unit);
                    pools.computeIfAbsent(key, k -> new Pool(Direction.of(result.mode(), unit)))
                            .add(Samples.of(result.primaryMetric()));
                }
            }
        }
        return figures(pools);
    }

    /**
     * The machine-independent figures of {@code runs}, pooled by key; {@code leftOut} receives, per run, how many
     * results had none.
     */
    static Map<ComparisonKey, Figure> hardwareIndependent(List<RunInput> runs, List<String> leftOut) {
        Map<ComparisonKey, Pool> pools = new LinkedHashMap<>();
        for (RunInput run : runs) {
            List<Row> rows = SpeedupTable.of(List.of(run)).rows();
            Map<String, List<Row>> sequential = new HashMap<>();
            for (Row row : rows) {
                if (isSequential(row)) {
                    sequential.computeIfAbsent(baselineKey(row, true), k -> new ArrayList<>()).add(row);
                    sequential.computeIfAbsent(baselineKey(row, false), k -> new ArrayList<>()).add(row);
                }
            }
            int without = 0;
            for (Row row : rows) {
                boolean any = false;
                Samples samples = Samples.of(row.metric());
                if (row.model() != null && !isSequential(row)) {
                    List<Row> base = sequential.getOrDefault(baselineKey(row, true),
                            sequential.get(baselineKey(row, false)));
                    if (base != null) {
                        double centre = Samples.pool(base.stream().map(r -> Samples.of(r.metric())).toList()).median();
                        boolean time = row.isTimePerOp() || Direction.of(row.result().mode(), row.metric().unit())
                                == Direction.LOWER_IS_BETTER;
                        double[] speedups = samples.values();
                        for (int i = 0; i < speedups.length; i++) {
                            speedups[i] = time ? centre / speedups[i] : speedups[i] / centre;
                        }
                        add(pools, row, SPEEDUP, "×", Samples.of(speedups));
                        any = true;
                    }
                }
                if (row.idealMillis() != null && (row.kind() == WorkloadKind.SLEEP || row.kind() == WorkloadKind.IO)) {
                    double[] efficiency = samples.values();
                    for (int i = 0; i < efficiency.length; i++) {
                        efficiency[i] = row.idealMillis() / efficiency[i];
                    }
                    add(pools, row, EFFICIENCY, "ideal/measured", Samples.of(efficiency));
                    any = true;
                }
                if (!any && !isSequential(row)) {
                    without++;
                }
            }
            if (without > 0) {
                leftOut.add(run.source() + ": " + without + " result" + (without == 1 ? " has" : "s have")
                        + " no sequential baseline or physical ideal and cannot be compared across hardware");
            }
        }
        return figures(pools);
    }

    private static void add(Map<ComparisonKey, Pool> pools, Row row, String figure, String unit, Samples samples) {
        BenchmarkResult r = row.result();
        var key = new ComparisonKey(r.benchmark(), r.mode(), r.params(), row.cores(), figure, unit);
        pools.computeIfAbsent(key, k -> new Pool(Direction.HIGHER_IS_BETTER)).add(samples);
    }

    private static boolean isSequential(Row row) {
        return row.isBaseline();
    }

    /** Same set, benchmark, mode, unit; params except model (and, when not {@code exact}, parallelism). */
    private static String baselineKey(Row row, boolean exact) {
        Map<String, String> params = new java.util.TreeMap<>(row.result().params());
        params.remove("model");
        if (!exact) {
            params.remove("parallelism");
        }
        return row.cores() + "|" + row.python() + "|" + row.result().benchmark() + "|" + row.result().mode() + "|"
                + row.metric().unit() + "|" + params;
    }

    private static Map<ComparisonKey, Figure> figures(Map<ComparisonKey, Pool> pools) {
        Map<ComparisonKey, Figure> figures = new LinkedHashMap<>();
        pools.forEach((key, pool) -> figures.put(key, new Figure(key, pool.direction, Samples.pool(pool.parts))));
        return figures;
    }

    private static final class Pool {
        final Direction direction;
        final List<Samples> parts = new ArrayList<>(1);

        Pool(Direction direction) {
            this.direction = direction;
        }

        void add(Samples samples) {
            parts.add(samples);
        }
    }
}
