package parbench.report.compare;

import parbench.report.jmh.HistogramBin;
import parbench.report.jmh.Metric;
import parbench.report.jmh.TimeUnits;

import java.util.Arrays;
import java.util.List;

/**
 * The raw measurements behind one figure, sorted: JMH's per-iteration {@code rawData} (all forks), or for sample
 * mode the {@code rawDataHistogram} expanded into one value per measured operation. Values that are not finite and
 * positive are dropped (a ratio of them means nothing). Immutable.
 *
 * <p>A sample-mode histogram can hold millions of operations; above {@value #MAX_EXPANDED} they are thinned
 * proportionally per bin (every bin keeps at least one value), which keeps the distribution's shape and the cost
 * bounded.
 */
public final class Samples {

    static final int MAX_EXPANDED = 100_000;

    private final double[] sorted;

    private Samples(double[] values) {
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v) && v > 0) {
                values[n++] = v;
            }
        }
        double[] kept = n == values.length ? values : Arrays.copyOf(values, n);
        Arrays.sort(kept);
        this.sorted = kept;
    }

    public static Samples of(double... values) {
        return new Samples(values.clone());
    }

    /** Pools several sample sets into one (repeated keys in a file, several runs on a side). */
    public static Samples pool(List<Samples> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int n = 0;
        for (Samples part : parts) {
            n += part.sorted.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (Samples part : parts) {
            System.arraycopy(part.sorted, 0, all, at, part.sorted.length);
            at += part.sorted.length;
        }
        return new Samples(all);
    }

    /** The samples of {@code metric}, converted to the normalised unit ({@link TimeUnits#normalised}). */
    public static Samples of(Metric metric) {
        String unit = TimeUnits.normalised(metric.unit());
        double factor = TimeUnits.factor(metric.unit(), unit);
        double f = Double.isNaN(factor) ? 1.0 : factor;
        if (!metric.rawDataHistogram().isEmpty()) {
            return new Samples(expand(metric.rawDataHistogram(), f));
        }
        int n = 0;
        for (List<Double> fork : metric.rawData()) {
            n += fork.size();
        }
        double[] values = new double[n];
        int at = 0;
        for (List<Double> fork : metric.rawData()) {
            for (Double v : fork) {
                values[at++] = v * f;
            }
        }
        return new Samples(values);
    }

    private static double[] expand(List<List<List<HistogramBin>>> histogram, double factor) {
        List<HistogramBin> bins = histogram.stream().flatMap(List::stream).flatMap(List::stream)
                .filter(b -> b.count() > 0).toList();
        long total = bins.stream().mapToLong(HistogramBin::count).sum();
        double keep = total > MAX_EXPANDED ? (double) MAX_EXPANDED / total : 1.0;
        double[] values = new double[(int) Math.min(total, MAX_EXPANDED + (long) bins.size())];
        int n = 0;
        for (HistogramBin bin : bins) {
            long count = keep == 1.0 ? bin.count() : Math.max(1, Math.round(bin.count() * keep));
            for (long i = 0; i < count && n < values.length; i++) {
                values[n++] = bin.value() * factor;
            }
        }
        return Arrays.copyOf(values, n);
    }

    /** A copy of the values, ascending. */
    public double[] values() {
        return sorted.clone();
    }

    double[] sortedView() {
        return sorted;
    }

    public int size() {
        return sorted.length;
    }

    /** The median; NaN when empty. */
    public double median() {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * A distribution-free confidence interval for the median: the order statistics {@code n/2 ± z·√n/2} (normal
     * approximation to the binomial), clamped to the smallest and largest value when {@code n} is too small.
     * Returns {@code {low, high}}, NaN when empty.
     *
     * @param z the standard normal quantile of the confidence (1.96 for 95 %)
     */
    double[] medianIntervalAt(double z) {
        int n = sorted.length;
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN};
        }
        int low = (int) Math.floor(n / 2.0 - z * Math.sqrt(n) / 2);
        int high = (int) Math.ceil(n / 2.0 + z * Math.sqrt(n) / 2) - 1;
        return new double[]{sorted[Math.max(0, low)], sorted[Math.min(n - 1, high)]};
    }

    /** {@code count} evenly spaced order statistics (all values when there are fewer): bounds pairwise work. */
    double[] quantiles(int count) {
        if (sorted.length <= count) {
            return sorted;
        }
        double[] q = new double[count];
        for (int i = 0; i < count; i++) {
            q[i] = sorted[(int) Math.round(i * (sorted.length - 1) / (double) (count - 1))];
        }
        return q;
    }
}
