package parbench.report.compare;

/**
 * How a candidate's figure differs from a baseline's: the ratio (candidate / baseline), its confidence interval and
 * a two-sided p-value for "no change", and the evidence they rest on.
 *
 * @param ratio    candidate / baseline
 * @param low      lower bound of the interval for the ratio, at confidence {@code 1 − alpha}
 * @param high     upper bound
 * @param p        two-sided p-value of ratio = 1: Welch's t on log run values ({@link Evidence#REPLICATED}), else the
 *                 bootstrap's {@code (k + 1) / (B + 1)}
 * @param evidence what the noise was measured on
 */
public record Change(double ratio, double low, double high, double p, Evidence evidence) {

    /** The change in percent of the baseline: {@code (ratio − 1) × 100}. */
    public double percent() {
        return (ratio - 1) * 100;
    }

    /** True when {@code ratio} lies inside the interval (bounds included). */
    public boolean covers(double ratio) {
        return low <= ratio && ratio <= high;
    }

    /** True when the interval excludes 1: the change is larger than the noise it was measured against. */
    public boolean significant() {
        return low > 1 || high < 1;
    }
}
