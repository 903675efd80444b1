package parbench.report.compare;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

import java.util.Arrays;

/**
 * How a candidate's samples differ from a baseline's: the ratio of medians (candidate / baseline), a confidence
 * interval for that ratio, and the p-value of the difference.
 *
 * <p>Why these: JMH iterations are few and rarely normal (warm-up tails, GC outliers), so everything is rank-based.
 * The interval is the Hodges–Lehmann one on log ratios: all pairwise differences {@code ln c_j − ln b_i}, sorted,
 * cut at the Mann-Whitney critical ranks {@code nm/2 ∓ z·√(nm(n+m+1)/12)}, then exponentiated; it is exact in the
 * distribution-free sense up to the normal approximation, and needs no random resampling. The p-value is
 * commons-math3's two-sided Mann-Whitney U test (normal approximation, ties averaged). With many samples (expanded
 * histograms) each side is reduced to {@value #MAX_PAIRWISE_SIDE} evenly spaced order statistics for the interval
 * only.
 *
 * @param ratio candidate median / baseline median
 * @param low   lower bound of the interval for the ratio, at confidence {@code 1 − alpha}
 * @param high  upper bound
 * @param p     two-sided Mann-Whitney p-value
 */
public record Change(double ratio, double low, double high, double p) {

    static final int MAX_PAIRWISE_SIDE = 500;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** Compares {@code candidate} with {@code baseline}; both need at least one sample each. */
    public static Change between(Samples baseline, Samples candidate, double alpha) {
        return between(baseline, candidate, new MannWhitneyUTest(), z(alpha));
    }

    /** The standard normal quantile {@code 1 − alpha/2}: the intervals' half-width in standard errors. */
    static double z(double alpha) {
        return NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    }

    /** {@link #between(Samples, Samples, double)} with the test and {@code z} made once per comparison. */
    static Change between(Samples baseline, Samples candidate, MannWhitneyUTest test, double z) {
        double ratio = candidate.median() / baseline.median();
        double p = test.mannWhitneyUTest(baseline.sortedView(), candidate.sortedView());
        double[] b = logs(baseline.quantiles(MAX_PAIRWISE_SIDE));
        double[] c = logs(candidate.quantiles(MAX_PAIRWISE_SIDE));
        int n = b.length;
        int m = c.length;
        double[] differences = new double[n * m];
        int k = 0;
        for (double cj : c) {
            for (double bi : b) {
                differences[k++] = cj - bi;
            }
        }
        Arrays.sort(differences);
        long total = (long) n * m;
        int rank = (int) Math.floor(total / 2.0 - z * Math.sqrt(total * (n + m + 1) / 12.0));
        rank = Math.max(1, rank);
        double low = Math.exp(differences[rank - 1]);
        double high = Math.exp(differences[(int) (total - rank)]);
        return new Change(ratio, low, high, p);
    }

    /**
     * The smallest two-sided p-value the Mann-Whitney test (normal approximation, as commons-math3 computes it) can
     * give for {@code n} and {@code m} samples: at complete separation. When it is not below alpha, no difference
     * could ever count, so the comparison is "insufficient data" rather than "unchanged".
     */
    public static double smallestPossibleP(int n, int m) {
        if (n == 0 || m == 0) {
            return 1.0;
        }
        double nm = (double) n * m;
        double z = (nm / 2) / Math.sqrt(nm * (n + m + 1) / 12.0);
        return Math.min(1.0, 2 * NORMAL.cumulativeProbability(-z));
    }

    /** The change in percent of the baseline: {@code (ratio − 1) × 100}. */
    public double percent() {
        return (ratio - 1) * 100;
    }

    private static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }
}
