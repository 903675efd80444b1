package parbench.report.compare;

import parbench.report.analysis.Row;
import parbench.report.analysis.SpeedupTable;
import parbench.report.analysis.WorkloadKind;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.Metric;
import parbench.report.jmh.TimeUnits;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;
import parbench.report.stats.SampleTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one side's runs into the figures a comparison compares. Every input (run directory or JMH file) is one run;
 * within a run, results with equal keys (a key repeated in a file) are forks of one tree; across runs, each run stays
 * a run of the tree ({@link SampleTree#ofRunsOf}), so run-to-run drift is never mistaken for fork-to-fork noise.
 *
 * <p>Same hardware: every result's score, in the normalised unit. Cross hardware: only figures that do not depend on
 * the machine, computed within each run.
 * <ul>
 *   <li>{@code speedup} of every non-{@code sequential} model over the {@code sequential} result of the same run,
 *       benchmark, mode, core count and params except {@code model} (falling back to params except {@code model} and
 *       {@code parallelism}, as the report does). Both trees are kept ({@link Figure.Speedup}): the bootstrap
 *       resamples the baseline together with the model, so the speedup's interval carries both sides' noise.</li>
 *   <li>{@code efficiency} where the report computes a physical ideal that is not itself a rescaled speedup (sleep
 *       and I/O workloads, {@code ms/op}): {@code ideal / time}, for every model including {@code sequential}.</li>
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

    /** The scores of every result of {@code runs}. */
    static Map<ComparisonKey, Figure> scores(List<RunInput> runs) {
        Map<ComparisonKey, List<SampleTree>> perRun = new LinkedHashMap<>();
        Map<ComparisonKey, Direction> directions = new HashMap<>();
        for (RunInput run : runs) {
            Map<ComparisonKey, List<SampleTree>> forks = new LinkedHashMap<>();
            for (ResultSet set : run.sets()) {
                Integer cores = set.coresBoxed().orElse(null);
                for (BenchmarkResult result : set.results()) {
                    String unit = TimeUnits.normalised(result.primaryMetric().unit());
                    var key = new ComparisonKey(result.benchmark(), result.mode(), result.params(), cores, SCORE, unit);
                    SampleTree tree = normalised(result.primaryMetric());
                    if (!tree.isEmpty()) {
                        forks.computeIfAbsent(key, k -> new ArrayList<>()).add(tree);
                        directions.putIfAbsent(key, Direction.of(result.mode(), unit));
                    }
                }
            }
            forks.forEach((key, parts) -> perRun.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(SampleTree.forksOf(parts)));
        }
        Map<ComparisonKey, Figure> figures = new LinkedHashMap<>();
        perRun.forEach((key, trees) -> figures.put(key,
                new Figure.Score(key, directions.get(key), SampleTree.ofRunsOf(trees))));
        return figures;
    }

    /**
     * The machine-independent figures of {@code runs}; {@code leftOut} receives, per run, how many results had none.
     */
    static Map<ComparisonKey, Figure> hardwareIndependent(List<RunInput> runs, List<String> leftOut) {
        Map<ComparisonKey, List<SampleTree>> models = new LinkedHashMap<>();
        Map<ComparisonKey, List<SampleTree>> baselines = new HashMap<>();
        Map<ComparisonKey, Boolean> timePerOp = new HashMap<>();
        Map<ComparisonKey, List<SampleTree>> efficiencies = new LinkedHashMap<>();
        Map<ComparisonKey, Double> ideals = new HashMap<>();
        for (RunInput run : runs) {
            List<Row> rows = SpeedupTable.of(List.of(run)).rows();
            Map<String, List<SampleTree>> sequential = new HashMap<>();
            for (Row row : rows) {
                if (isSequential(row)) {
                    SampleTree tree = normalised(row.metric());
                    if (!tree.isEmpty()) {
                        sequential.computeIfAbsent(baselineKey(row, true), k -> new ArrayList<>()).add(tree);
                        sequential.computeIfAbsent(baselineKey(row, false), k -> new ArrayList<>()).add(tree);
                    }
                }
            }
            Map<ComparisonKey, List<SampleTree>> runModels = new LinkedHashMap<>();
            Map<ComparisonKey, SampleTree> runBaselines = new HashMap<>();
            Map<ComparisonKey, List<SampleTree>> runEfficiencies = new LinkedHashMap<>();
            int without = 0;
            for (Row row : rows) {
                boolean any = false;
                SampleTree tree = normalised(row.metric());
                if (tree.isEmpty()) {
                    continue;
                }
                if (row.model() != null && !isSequential(row)) {
                    List<SampleTree> base = sequential.getOrDefault(baselineKey(row, true),
                            sequential.get(baselineKey(row, false)));
                    if (base != null) {
                        ComparisonKey key = key(row, SPEEDUP, "×");
                        runModels.computeIfAbsent(key, k -> new ArrayList<>()).add(tree);
                        runBaselines.putIfAbsent(key, SampleTree.forksOf(base));
                        timePerOp.putIfAbsent(key, row.isTimePerOp()
                                || Direction.of(row.result().mode(), row.metric().unit()) == Direction.LOWER_IS_BETTER);
                        any = true;
                    }
                }
                if (row.idealMillis() != null && (row.kind() == WorkloadKind.SLEEP || row.kind() == WorkloadKind.IO)) {
                    ComparisonKey key = key(row, EFFICIENCY, "ideal/measured");
                    runEfficiencies.computeIfAbsent(key, k -> new ArrayList<>()).add(tree);
                    ideals.putIfAbsent(key, row.idealMillis());
                    any = true;
                }
                if (!any && !isSequential(row)) {
                    without++;
                }
            }
            runModels.forEach((key, parts) -> {
                models.computeIfAbsent(key, k -> new ArrayList<>()).add(SampleTree.forksOf(parts));
                baselines.computeIfAbsent(key, k -> new ArrayList<>()).add(runBaselines.get(key));
            });
            runEfficiencies.forEach((key, parts) -> efficiencies.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(SampleTree.forksOf(parts)));
            if (without > 0) {
                leftOut.add(run.source() + ": " + without + " result" + (without == 1 ? " has" : "s have")
                        + " no sequential baseline or physical ideal and cannot be compared across hardware");
            }
        }
        Map<ComparisonKey, Figure> figures = new LinkedHashMap<>();
        models.forEach((key, trees) -> figures.put(key, new Figure.Speedup(key, SampleTree.ofRunsOf(trees),
                SampleTree.ofRunsOf(baselines.get(key)), timePerOp.get(key))));
        efficiencies.forEach((key, trees) -> figures.put(key,
                new Figure.Efficiency(key, SampleTree.ofRunsOf(trees), ideals.get(key))));
        return figures;
    }

    /** The metric's tree in the normalised unit ({@link TimeUnits#normalised}). */
    static SampleTree normalised(Metric metric) {
        double factor = TimeUnits.factor(metric.unit(), TimeUnits.normalised(metric.unit()));
        SampleTree tree = SampleTree.of(metric);
        return Double.isNaN(factor) || factor == 1.0 || tree.isEmpty() ? tree : tree.scaled(factor);
    }

    private static ComparisonKey key(Row row, String figure, String unit) {
        BenchmarkResult r = row.result();
        return new ComparisonKey(r.benchmark(), r.mode(), r.params(), row.cores(), figure, unit);
    }

    private static boolean isSequential(Row row) {
        return row.isBaseline();
    }

    /** Same set, benchmark, mode, unit; params except model (and, when not {@code exact}, parallelism). */
    private static String baselineKey(Row row, boolean exact) {
        Map<String, String> params = new TreeMap<>(row.result().params());
        params.remove("model");
        if (!exact) {
            params.remove("parallelism");
        }
        return row.cores() + "|" + row.python() + "|" + row.result().benchmark() + "|" + row.result().mode() + "|"
                + row.metric().unit() + "|" + params;
    }
}
