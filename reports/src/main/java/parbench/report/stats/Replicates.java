package parbench.report.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The bootstrap distribution of one statistic: its value in each of the {@link Bootstrap}'s resamples, in resample
 * order. Replicates made by one call of the bootstrap line up, resample by resample, so they combine element-wise
 * ({@link #dividedBy}: a speedup from a baseline's and a model's replicates keeps both sides' uncertainty). Intervals
 * are percentile intervals (Efron &amp; Tibshirani, "An Introduction to the Bootstrap", 1993, ch. 13), which follow any
 * monotone transformation, so a ratio's interval is the same on the log scale. Immutable and thread-safe.
 */
public final class Replicates {

    private static final java.util.concurrent.ConcurrentHashMap<String, Double> QUANTILE_RATIOS =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final org.apache.commons.math3.distribution.NormalDistribution NORMAL =
            new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);

    private final double[] values;

    Replicates(double[] values) {
        this.values = values;
    }

    /** Wraps a copy of {@code values} (replicates a caller computed itself, as tests do). */
    public static Replicates of(double... values) {
        return new Replicates(values.clone());
    }

    public int size() {
        return values.length;
    }

    /** A copy of the replicates, in resample order. */
    public double[] values() {
        return values.clone();
    }

    /** Element-wise {@code this / denominator}; both must come from the same number of resamples. */
    public Replicates dividedBy(Replicates denominator) {
        if (denominator.values.length != values.length) {
            throw new IllegalArgumentException("replicates differ in size: " + values.length + " vs "
                    + denominator.values.length);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i] / denominator.values[i];
        }
        return new Replicates(out);
    }

    /** {@code f} applied to every replicate (an efficiency is {@code ideal / time}). */
    public Replicates map(DoubleUnaryOperator f) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = f.applyAsDouble(values[i]);
        }
        return new Replicates(out);
    }

    /**
     * The percentile interval {@code [q(α/2), q(1 − α/2)]} for {@code confidence = 1 − α}, as {@code {low, high}};
     * the order statistics are found by a scan of the tails (or selection for wide tails), not by sorting: a
     * comparison of 10,000 rows makes tens of thousands of intervals. NaN replicates (a resample that divided by zero) are left out; all NaN gives NaN.
     */
    public double[] interval(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), found " + confidence);
        }
        // the scan of the tails only reads: it reads the replicates themselves unless NaNs must be left out
        double[] work = values;
        int n = finiteCount();
        if (n < values.length) {
            work = new double[n];
            int i = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    work[i++] = v;
                }
            }
        }
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double tail = (1 - confidence) / 2;
        // the epsilon keeps (1 − 0.9) / 2 × 1000 = 49.999... at rank 50
        int low = (int) Math.floor(tail * (n - 1) + 1e-9);
        int high = (int) Math.ceil((1 - tail) * (n - 1) - 1e-9);
        if (low < TAIL_SCAN_LIMIT && n - 1 - high < TAIL_SCAN_LIMIT) {
            return new double[]{smallest(work, n, low), largest(work, n, n - 1 - high)};
        }
        if (work == values) {
            work = values.clone(); // selection reorders
        }
        double lowValue = select(work, 0, n - 1, low);
        // after selecting rank low, everything at or above index low is >= it: select high there
        double highValue = select(work, low, n - 1, high);
        return new double[]{lowValue, highValue};
    }

    /**
     * The percentile interval widened for few resampling units: the bootstrap's variance of a mean is {@code (n − 1)/n}
     * of the true one and its tails are normal rather than Student's, so with 5 forks a "99 %" percentile interval
     * covers far less than 99 %. This is Hesterberg's expanded percentile interval ("What Teachers Should Know About
     * the Bootstrap", The American Statistician 69(4), 2015, section 4.2), with one change: rather than moving the
     * percentile level to {@code Φ(√(n/(n−1)) · t(n−1))}, which for few units lies beyond the last replicate, each
     * replicate is moved away from {@code point} by the factor {@code k = √(n/(n−1)) · t(1 − α/2, n − 1) / z(1 − α/2)}
     * (on the log scale when every replicate and the point are positive, as for ratios and times), then the plain
     * percentile interval is taken. Under normality the two are the same; this one needs no extra resamples.
     *
     * @param confidence the nominal coverage, {@code 1 − α}
     * @param point      the statistic on the data
     * @param units      independent units at the top resampled level (runs, else forks, else iterations); at least 2
     *                   for any expansion, 1 or less gives the plain interval
     */
    public double[] expandedInterval(double confidence, double point, int units) {
        return expanded(confidence, point, units, units - 1, true);
    }

    /**
     * {@link #expandedInterval} with the Student quantile's degrees of freedom given: a ratio of two independent
     * sides of {@code n} and {@code m} units has the bootstrap variance bias of its smaller side ({@code units =
     * min(n, m)}) and {@code n + m − 2} degrees of freedom (see {@link Bootstrap#ratioUnits}).
     */
    public double[] expandedInterval(double confidence, double point, int units, int degreesOfFreedom) {
        return expanded(confidence, point, units, degreesOfFreedom, true);
    }

    /**
     * {@link #expandedInterval} on the linear scale, for means (a score's interval is symmetric about its mean under
     * the t approximation, and stretching logs would blow up the upper bound when there are only 2 or 3 units).
     */
    public double[] expandedLinearInterval(double confidence, double point, int units) {
        return expanded(confidence, point, units, units - 1, false);
    }

    private double[] expanded(double confidence, double point, int units, int degreesOfFreedom, boolean logScale) {
        if (units < 2 || degreesOfFreedom < 1) {
            return interval(confidence);
        }
        double k = Math.sqrt(units / (units - 1.0)) * studentOverNormal(confidence, degreesOfFreedom);
        boolean positive = logScale && point > 0;
        for (double v : values) {
            positive &= !(v <= 0);
        }
        // The stretch is increasing, and order statistics commute with an increasing map: stretch the interval's two
        // endpoints rather than every replicate (the same interval, two logarithms instead of 2B transcendental calls).
        double[] interval = interval(confidence);
        for (int i = 0; i < interval.length; i++) {
            interval[i] = stretch(interval[i], point, k, positive);
        }
        return interval;
    }

    /**
     * How many replicates, moved as {@link #expandedInterval(double, double, int, int)} moves them, lie at or below
     * {@code x} ({@code atMost}) or at or above it: the count whose share a bootstrap test of "the interval's bound lies
     * beyond {@code x}" compares with the tail {@code (1 − confidence) / 2} ({@link BootstrapPretest}). NaN replicates
     * are not counted.
     */
    public int expandedCountBeyond(double confidence, double point, int units, int degreesOfFreedom, double x,
                                   boolean atMost) {
        boolean expand = units >= 2 && degreesOfFreedom >= 1;
        double k = expand ? Math.sqrt(units / (units - 1.0)) * studentOverNormal(confidence, degreesOfFreedom) : 1;
        boolean positive = point > 0;
        for (double v : values) {
            positive &= !(v <= 0);
        }
        int count = 0;
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            double moved = expand ? stretch(v, point, k, positive) : v;
            if (atMost ? moved <= x : moved >= x) {
                count++;
            }
        }
        return count;
    }

    /** The replicates that are not NaN. */
    public int finiteCount() {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        return n;
    }

    /** One replicate moved away from {@code point} by the factor {@code k}, on the log scale when {@code logScale}. */
    private static double stretch(double value, double point, double k, boolean logScale) {
        if (value == point || Double.isNaN(value)) {
            return value;
        }
        if (logScale) {
            double centre = Math.log(point);
            return Math.exp(centre + k * (Math.log(value) - centre));
        }
        return point + k * (value - point);
    }

    /**
     * {@code t(1 − α/2, df) / z(1 − α/2)}, cached: commons-math3 inverts the t distribution numerically, and a
     * comparison of 10,000 rows asks for the same few quantiles 30,000 times.
     */
    private static double studentOverNormal(double confidence, int degreesOfFreedom) {
        return QUANTILE_RATIOS.computeIfAbsent(confidence + "/" + degreesOfFreedom, key -> {
            double p = 1 - (1 - confidence) / 2;
            return new org.apache.commons.math3.distribution.TDistribution(null, degreesOfFreedom)
                    .inverseCumulativeProbability(p) / NORMAL.inverseCumulativeProbability(p);
        });
    }

    /** The fraction of replicates at or below {@code x}: a one-sided bootstrap p-value's building block. */
    public double fractionAtMost(double x) {
        int below = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                if (v <= x) {
                    below++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) below / n;
    }

    /**
     * The two-sided bootstrap p-value of "the statistic equals {@code x}": twice the smaller tail's share, counted
     * as {@code (k + 1) / (B + 1)} (Davison &amp; Hinkley, "Bootstrap Methods and their Application", 1997, section
     * 4.2) so that it is never 0; at most 1; NaN when every replicate is NaN.
     */
    public double twoSidedP(double x) {
        int below = 0;
        int above = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                if (v <= x) {
                    below++;
                }
                if (v >= x) {
                    above++;
                }
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        return Math.min(1.0, 2.0 * (Math.min(below, above) + 1) / (n + 1));
    }

    @Override
    public String toString() {
        return "Replicates" + Arrays.toString(Arrays.copyOf(values, Math.min(values.length, 5)))
                + (values.length > 5 ? "... (" + values.length + ")" : "");
    }

    /** Tails up to this many ranks deep are found by one scan with a small sorted buffer instead of selection. */
    private static final int TAIL_SCAN_LIMIT = 64;

    /**
     * The {@code rank}-th smallest (0-based) of {@code a[0..n)}: one pass keeping the {@code rank + 1} smallest seen in
     * a sorted buffer; almost every value is rejected with one comparison, so a 99 % interval of 2000 replicates costs
     * about 2000 comparisons a tail.
     */
    private static double smallest(double[] a, int n, int rank) {
        int size = rank + 1;
        double[] buffer = new double[size];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (filled < size) {
                int at = filled++;
                while (at > 0 && buffer[at - 1] > v) {
                    buffer[at] = buffer[at - 1];
                    at--;
                }
                buffer[at] = v;
            } else if (v < buffer[size - 1]) {
                int at = size - 1;
                while (at > 0 && buffer[at - 1] > v) {
                    buffer[at] = buffer[at - 1];
                    at--;
                }
                buffer[at] = v;
            }
        }
        return buffer[size - 1];
    }

    /** The {@code rank}-th largest (0-based) of {@code a[0..n)}, as {@link #smallest} does it. */
    private static double largest(double[] a, int n, int rank) {
        int size = rank + 1;
        double[] buffer = new double[size];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (filled < size) {
                int at = filled++;
                while (at > 0 && buffer[at - 1] < v) {
                    buffer[at] = buffer[at - 1];
                    at--;
                }
                buffer[at] = v;
            } else if (v > buffer[size - 1]) {
                int at = size - 1;
                while (at > 0 && buffer[at - 1] < v) {
                    buffer[at] = buffer[at - 1];
                    at--;
                }
                buffer[at] = v;
            }
        }
        return buffer[size - 1];
    }

    /** Hoare's selection (quickselect), median-of-three pivots: the {@code k}-th smallest of {@code a[lo..hi]}. */
    private static double select(double[] a, int lo, int hi, int k) {
        while (hi > lo) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            double pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    swap(a, i++, j--);
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
