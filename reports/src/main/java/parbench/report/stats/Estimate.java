package parbench.report.stats;

import java.util.Optional;

/**
 * A point estimate with its bootstrap confidence interval.
 *
 * @param point      the statistic on the data itself (not the mean of the replicates)
 * @param low        lower bound of the percentile interval
 * @param high       upper bound
 * @param confidence the interval's nominal coverage, such as 0.99
 * @param resamples  bootstrap resamples behind the interval
 * @param oneFork    true when some run behind it has a single fork: the interval then ignores JVM-to-JVM variation
 *                   (between-fork noise is invisible inside one JVM) and is too narrow by an unknown amount
 */
public record Estimate(double point, double low, double high, double confidence, int resamples, boolean oneFork) {

    /** What every output says next to an interval from one fork. */
    public static final String ONE_FORK_CAVEAT = "one fork: the interval ignores JVM-to-JVM variation";

    /** The caveat a reader must see next to this interval, when there is one. */
    public Optional<String> caveat() {
        return oneFork ? Optional.of(ONE_FORK_CAVEAT) : Optional.empty();
    }

    /** True when the interval lies entirely above {@code x}. */
    public boolean above(double x) {
        return low > x;
    }

    /** True when the interval lies entirely below {@code x}. */
    public boolean below(double x) {
        return high < x;
    }

    /** True when {@code x} lies inside the interval (bounds included). */
    public boolean covers(double x) {
        return low <= x && x <= high;
    }

    /** The larger distance from the point to a bound, as a fraction of the point (benchstat's "± x%" / 100). */
    public double relativeHalfWidth() {
        return Math.max(high - point, point - low) / Math.abs(point);
    }

    /** The interval's width relative to the point: what {@code ab} stops on. */
    public double relativeWidth() {
        return (high - low) / Math.abs(point);
    }
}
