package parbench.report.history;

import parbench.report.compare.ComparisonKey;
import parbench.report.compare.ComparisonRow;
import parbench.report.compare.HardwareMode;
import parbench.report.compare.ModeChoice;
import parbench.report.compare.RunComparison;
import parbench.report.compare.SideSummary;
import parbench.report.compare.Thresholds;
import parbench.report.compare.Verdict;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code history check}: a candidate run against the last K runs of the baseline branch on the same testbed, as a
 * {@link RunComparison}, so it has compare's verdicts, exit codes and output formats.
 *
 * <p>The baseline is those K runs pooled. The run-to-run noise is measured on them: for each figure, each baseline
 * run's value is compared with the median of the K run values, and the largest relative distance is the figure's
 * allowance (the statistics core's run level: compare's unreplicated verdict with this measured allowance instead of
 * its default one). A change counts only when compare calls it significant and beyond the threshold <em>and</em> it is
 * larger than that allowance: a candidate no further from the baseline than the baseline's own runs are from one
 * another is not a regression. With a single baseline run there is no allowance to measure, and a warning says so.
 *
 * <p>On a testbed without history, the last K runs of the branch on the other testbeds are the baseline, compared by
 * hardware-independent figures (speedup over sequential, efficiency), as compare's cross-hardware mode does.
 *
 * <p>Thread-safe: it holds only its settings.
 *
 * @param window     K, the number of baseline runs
 * @param branch     the baseline branch
 * @param alpha      the significance level
 * @param thresholds the smallest changes that count
 */
public record HistoryCheck(int window, String branch, double alpha, Thresholds thresholds) {

    private static final Bootstrap POINT_ONLY = new Bootstrap(100, Bootstrap.DEFAULT_SEED);

    /** What a check concluded: the comparison, or why there was nothing to compare with. */
    public record Outcome(Optional<RunComparison> comparison, String line) {
    }

    public Outcome check(HistoryStore store, IncomingRun candidate) throws SQLException {
        Testbed testbed = candidate.testbed();
        List<StoredRun> same = without(store.runs(testbed.id(), branch, window + 1), candidate.id());
        boolean crossHardware = same.isEmpty();
        List<StoredRun> baseline;
        if (crossHardware) {
            List<StoredRun> others = new ArrayList<>();
            for (StoredRun run : store.runs(null, branch, Integer.MAX_VALUE)) {
                if (!run.testbed().id().equals(testbed.id()) && others.size() < window) {
                    others.add(run);
                }
            }
            baseline = others;
        } else {
            baseline = same.subList(0, Math.min(window, same.size()));
        }
        if (baseline.isEmpty()) {
            return new Outcome(Optional.empty(), "no run of branch '" + branch + "' in the history yet: nothing to"
                    + " check against");
        }
        List<RunInput> before = new ArrayList<>();
        for (StoredRun run : baseline) {
            before.add(store.load(run));
        }
        HardwareMode mode = crossHardware ? HardwareMode.CROSS_HARDWARE : HardwareMode.SAME_HARDWARE;
        List<RunInput> after = List.of(candidate.input());
        // With K >= 2 the allowance is measured per figure below; with one run, compare's default allowance stands.
        double runNoise = before.size() >= 2 ? 0 : RunComparison.DEFAULT_RUN_NOISE;
        RunComparison pooled = RunComparison.of(before, after, mode, alpha, thresholds, runNoise,
                Bootstrap.standard());
        Map<ComparisonKey, Double> allowance = allowance(before, after, mode);

        List<String> warnings = new ArrayList<>(pooled.warnings());
        if (before.size() < 2) {
            warnings.add("one baseline run: the run-to-run noise cannot be measured; compare's default allowance of "
                    + Math.round(RunComparison.DEFAULT_RUN_NOISE * 100) + " % applies");
        }
        List<ComparisonRow> rows = new ArrayList<>(pooled.rows().size());
        int withinNoise = 0;
        for (ComparisonRow row : pooled.rows()) {
            double noise = allowance.getOrDefault(row.key(), 0.0);
            boolean counted = row.verdict() == Verdict.REGRESSED || row.verdict() == Verdict.IMPROVED;
            if (counted && row.change().isPresent() && Math.abs(row.change().get().ratio() - 1) <= noise) {
                rows.add(new ComparisonRow(row.key(), row.direction(), row.baseline(), row.candidate(), row.change(),
                        row.threshold(), Verdict.UNCHANGED, Optional.empty()));
                withinNoise++;
            } else {
                rows.add(row);
            }
        }
        if (withinNoise > 0) {
            warnings.add(withinNoise + " change" + (withinNoise == 1 ? " is" : "s are")
                    + " within the run-to-run spread of the baseline runs and count as unchanged");
        }
        String where = crossHardware
                ? "no history on testbed " + testbed.name() + "; the last " + before.size() + " run"
                + (before.size() == 1 ? "" : "s") + " of '" + branch + "' on other testbeds, by speedup and efficiency"
                : "the last " + before.size() + " run" + (before.size() == 1 ? "" : "s") + " of '" + branch
                + "' on testbed " + testbed.name() + "; run-to-run spread as the noise";
        var choice = new ModeChoice(mode, "history: " + where, Optional.empty());
        var comparison = new RunComparison(choice, alpha, thresholds, pooled.runNoise(), pooled.resampling(),
                pooled.baseline(), pooled.candidate(), warnings, rows, pooled.sampling());
        return new Outcome(Optional.of(comparison), choice.line());
    }

    /**
     * Per figure, the largest relative distance of one baseline run's value from the median of all of them (each run
     * compared alone; only its point value is used, so a small bootstrap suffices).
     */
    private Map<ComparisonKey, Double> allowance(List<RunInput> before, List<RunInput> after, HardwareMode mode) {
        Map<ComparisonKey, List<Double>> medians = new HashMap<>();
        if (before.size() < 2) {
            return Map.of();
        }
        for (RunInput run : before) {
            for (ComparisonRow row : RunComparison.of(List.of(run), after, mode, alpha, thresholds, 0,
                    POINT_ONLY).rows()) {
                row.baseline().map(SideSummary::value).filter(Double::isFinite)
                        .ifPresent(m -> medians.computeIfAbsent(row.key(), k -> new ArrayList<>()).add(m));
            }
        }
        Map<ComparisonKey, Double> allowance = new HashMap<>();
        medians.forEach((key, values) -> {
            double centre = ChangeDetector.median(values.stream().mapToDouble(Double::doubleValue).toArray());
            double spread = values.stream().mapToDouble(v -> Math.abs(v / centre - 1)).max().orElse(0);
            allowance.put(key, spread);
        });
        return allowance;
    }

    private static List<StoredRun> without(List<StoredRun> runs, String id) {
        return runs.stream().filter(r -> !r.id().equals(id)).toList();
    }
}
