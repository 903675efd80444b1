package parbench.report.analysis;

import java.util.Locale;

/**
 * A confidence interval on a derived figure (a speedup, an efficiency). {@code low} is never negative: a ratio of
 * times cannot be, so a bound below zero is clipped to 0 rather than drawn. {@code high} may be
 * {@link Double#POSITIVE_INFINITY} where the data bound it only from below.
 */
public record Interval(double low, double high) {

    public Interval {
        if (Double.isNaN(low) || Double.isNaN(high) || low > high) {
            throw new IllegalArgumentException("not an interval: [" + low + ", " + high + "]");
        }
        low = Math.max(0, low);
    }

    /** Whether the two intervals share a point: the figures they bound are not told apart. */
    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    /** This interval times {@code factor} (positive). */
    public Interval times(double factor) {
        return new Interval(low * factor, high * factor);
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** "[1.92, 2.08]", three significant digits. */
    public String text() {
        return "[" + number(low) + ", " + number(high) + "]";
    }

    static String number(double v) {
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }
}
