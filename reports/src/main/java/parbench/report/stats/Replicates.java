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
     * the order statistics are found by selection, not sorting (linear time: a comparison of 10,000 rows makes tens
     * of thousands of intervals). NaN replicates (a resample that divided by zero) are left out; all NaN gives NaN.
     */
    public double[] interval(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), found " + confidence);
        }
        double[] work = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                work[n++] = v;
            }
        }
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        double tail = (1 - confidence) / 2;
        // the epsilon keeps (1 − 0.9) / 2 × 1000 = 49.999... at rank 50
        int low = (int) Math.floor(tail * (n - 1) + 1e-9);
        int high = (int) Math.ceil((1 - tail) * (n - 1) - 1e-9);
        double lowValue = select(work, 0, n - 1, low);
        // after selecting rank low, everything at or above index low is >= it: select high there
        double highValue = select(work, low, n - 1, high);
        return new double[]{lowValue, highValue};
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

    @Override
    public String toString() {
        return "Replicates" + Arrays.toString(Arrays.copyOf(values, Math.min(values.length, 5)))
                + (values.length > 5 ? "... (" + values.length + ")" : "");
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
