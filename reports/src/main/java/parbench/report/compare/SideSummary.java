package parbench.report.compare;

/**
 * One side of one comparison row: how many samples, their median and a confidence interval for the median.
 *
 * @param n      samples (after pooling)
 * @param median the central value
 * @param low    lower bound of the median's interval at confidence {@code 1 − alpha}
 * @param high   upper bound
 */
public record SideSummary(int n, double median, double low, double high) {

    static SideSummary of(Samples samples, double alpha) {
        return at(samples, Change.z(alpha));
    }

    /** The summary with the interval at standard normal quantile {@code z}. */
    static SideSummary at(Samples samples, double z) {
        double[] interval = samples.medianIntervalAt(z);
        return new SideSummary(samples.size(), samples.median(), interval[0], interval[1]);
    }

    /** The larger distance from the median to a bound, in percent of the median (benchstat's "± x%"). */
    public double plusMinusPercent() {
        return Math.max(high - median, median - low) / median * 100;
    }
}
