package parbench.report.ab;

import parbench.report.compare.Change;
import parbench.report.compare.ComparisonKey;
import parbench.report.compare.ComparisonRow;
import parbench.report.compare.Evidence;
import parbench.report.compare.Figure;
import parbench.report.compare.HardwareMode;
import parbench.report.compare.ModeChoice;
import parbench.report.compare.Resampling;
import parbench.report.compare.RunComparison;
import parbench.report.compare.SideSummary;
import parbench.report.compare.Thresholds;
import parbench.report.compare.Verdict;
import parbench.report.stats.Bootstrap;
import parbench.report.stats.Estimate;
import parbench.report.stats.PairedForks;
import parbench.report.stats.SampleTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdicts of an A/B session: per point, the paired forks' ratio (candidate / base) with its interval
 * ({@link PairedForks}), the Wilcoxon signed-rank p, and a verdict by compare's rule for
 * {@link Evidence#INTERLEAVED} evidence: a change counts when its interval excludes 1 and
 * {@code |ln ratio| > ln(1 + threshold)}. No run-to-run allowance applies: both builds ran on the same machine,
 * interleaved. The result is a {@link RunComparison}, so compare's renderers and exit codes serve {@code ab} too.
 * Stateless and thread-safe.
 *
 * @param alpha      significance level; intervals at {@code 1 − alpha}
 * @param thresholds smallest change that counts, per point
 * @param bootstrap  the resampling
 */
public record AbAnalysis(double alpha, Thresholds thresholds, Bootstrap bootstrap) {

    /** Fewer complete pairs than this give no interval: "insufficient data". */
    public static final int MIN_PAIRS = 2;

    /** The comparison of the complete pairs of {@code record}; {@code base} and {@code candidate} label the sides. */
    public RunComparison analyse(AbRecord record, String base, String candidate) {
        double confidence = 1 - alpha;
        List<ComparisonRow> rows = new ArrayList<>();
        for (ComparisonKey key : record.keys()) {
            List<double[]> b = record.forks(key, Side.BASE);
            List<double[]> c = record.forks(key, Side.CANDIDATE);
            int pairs = Math.min(b.size(), c.size());
            double threshold = thresholds.forKey(key);
            var direction = record.direction(key);
            Optional<SideSummary> bs = summary(key, direction, b, confidence);
            Optional<SideSummary> cs = summary(key, direction, c, confidence);
            if (pairs < MIN_PAIRS) {
                rows.add(new ComparisonRow(key, direction, bs, cs, Optional.empty(), threshold,
                        Verdict.INSUFFICIENT_DATA, Optional.of(pairs + " complete pairs; at least " + MIN_PAIRS
                        + " needed")));
                continue;
            }
            PairedForks paired = new PairedForks(b.subList(0, pairs), c.subList(0, pairs));
            Estimate estimate = paired.estimate(bootstrap, confidence);
            Change change = new Change(estimate.point(), estimate.low(), estimate.high(), paired.p(),
                    Evidence.INTERLEAVED);
            Verdict verdict = Verdict.UNCHANGED;
            if (RunComparison.counts(change, threshold, 0)) {
                verdict = direction.improves(change.ratio()) ? Verdict.IMPROVED : Verdict.REGRESSED;
            }
            rows.add(new ComparisonRow(key, direction, bs, cs, Optional.of(change), threshold, verdict,
                    Optional.empty()));
        }
        var mode = new ModeChoice(HardwareMode.SAME_HARDWARE, "ab: " + record.pairs() + " interleaved pairs of forks"
                + " of both builds on this machine", Optional.empty());
        return new RunComparison(mode, alpha, thresholds, 0,
                Resampling.uniform(bootstrap.resamples()), List.of(base), List.of(candidate),
                List.of(), rows, List.of());
    }

    /**
     * The widest interval of any point, relative to its ratio ({@code (high − low) / ratio}); infinite while a point
     * lacks an interval. {@code ab} stops once this is below the threshold.
     */
    public static double widestInterval(RunComparison comparison) {
        double widest = 0;
        for (ComparisonRow row : comparison.rows()) {
            if (row.change().isEmpty()) {
                return Double.POSITIVE_INFINITY;
            }
            Change c = row.change().get();
            widest = Math.max(widest, (c.high() - c.low()) / c.ratio());
        }
        return comparison.rows().isEmpty() ? Double.POSITIVE_INFINITY : widest;
    }

    private Optional<SideSummary> summary(ComparisonKey key, parbench.report.compare.Direction direction,
                                          List<double[]> forks, double confidence) {
        if (forks.isEmpty()) {
            return Optional.empty();
        }
        var figure = new Figure.Score(key, direction, SampleTree.ofForks(forks.toArray(double[][]::new)));
        return Optional.of(SideSummary.of(figure, figure.replicates(bootstrap), confidence));
    }
}
