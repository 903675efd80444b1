package parbench.report.jmh;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * One JMH metric (the primary one or a secondary one) as JMH wrote it.
 *
 * <p>The raw iteration values are kept as one primitive {@code double[]} per fork ({@link #forkValues}), which is what
 * the statistics read; {@link #rawData()} is a boxed, read-only view of the same numbers for the consumers that want
 * lists. Immutable and thread-safe; equal when every component is (NaN equals NaN, as in a record).
 */
public final class Metric {

    private final double score;
    private final double scoreError;
    private final double confidenceLow;
    private final double confidenceHigh;
    private final String unit;
    private final double[][] forks;
    private final List<List<List<HistogramBin>>> rawDataHistogram;

    /**
     * @param score            the score; NaN or infinite where JMH wrote "NaN", "+INF", "-INF"
     * @param scoreError       half-width of the 99.9 % interval JMH reports; NaN when it has too few samples
     * @param confidenceLow    lower bound of JMH's confidence interval (NaN if absent)
     * @param confidenceHigh   upper bound (NaN if absent)
     * @param unit             JMH's unit, such as {@code ms/op}, {@code ops/s}, {@code MB/sec}
     * @param rawData          per fork, per measurement iteration (empty for sample mode and for secondaries
     *                         JMH wrote without raw data); no null values
     * @param rawDataHistogram sample mode only: per fork, per iteration, the histogram bins
     */
    public Metric(double score, double scoreError, double confidenceLow, double confidenceHigh, String unit,
                  List<List<Double>> rawData, List<List<List<HistogramBin>>> rawDataHistogram) {
        this(score, scoreError, confidenceLow, confidenceHigh, unit, toArrays(rawData), copy(rawDataHistogram));
    }

    private Metric(double score, double scoreError, double confidenceLow, double confidenceHigh, String unit,
                   double[][] forks, List<List<List<HistogramBin>>> rawDataHistogram) {
        this.score = score;
        this.scoreError = scoreError;
        this.confidenceLow = confidenceLow;
        this.confidenceHigh = confidenceHigh;
        this.unit = unit;
        this.forks = forks;
        this.rawDataHistogram = rawDataHistogram;
    }

    /**
     * A metric whose raw data is {@code forks[f]} per fork, taken as given (the arrays are owned by the metric from
     * now on: the reader's way in, without boxing).
     */
    static Metric ofForks(double score, double scoreError, double confidenceLow, double confidenceHigh, String unit,
                          double[][] forks, List<List<List<HistogramBin>>> rawDataHistogram) {
        for (double[] fork : forks) {
            Objects.requireNonNull(fork, "fork");
        }
        return new Metric(score, scoreError, confidenceLow, confidenceHigh, unit, forks, copy(rawDataHistogram));
    }

    public double score() {
        return score;
    }

    public double scoreError() {
        return scoreError;
    }

    public double confidenceLow() {
        return confidenceLow;
    }

    public double confidenceHigh() {
        return confidenceHigh;
    }

    public String unit() {
        return unit;
    }

    /** Per fork, per measurement iteration, boxed (a read-only view; {@link #forkValues} reads without boxing). */
    public List<List<Double>> rawData() {
        return new ForkList(forks);
    }

    /** Sample mode only: per fork, per iteration, the histogram bins. */
    public List<List<List<HistogramBin>>> rawDataHistogram() {
        return rawDataHistogram;
    }

    /** Forks in {@link #rawData()}. */
    public int forkCount() {
        return forks.length;
    }

    /** A copy of fork {@code f}'s raw iteration values. */
    public double[] forkValues(int f) {
        return forks[f].clone();
    }

    /** The number of samples behind the score: measured operations for sample mode, else iterations. */
    public long sampleCount() {
        if (!rawDataHistogram.isEmpty()) {
            return rawDataHistogram.stream().flatMap(List::stream).flatMap(List::stream)
                    .mapToLong(HistogramBin::count).sum();
        }
        long n = 0;
        for (double[] fork : forks) {
            n += fork.length;
        }
        return n;
    }

    /** Measurement iterations over all forks. */
    public int iterationCount() {
        if (!rawDataHistogram.isEmpty()) {
            return rawDataHistogram.stream().mapToInt(List::size).sum();
        }
        int n = 0;
        for (double[] fork : forks) {
            n += fork.length;
        }
        return n;
    }

    /** Every raw iteration value, forks concatenated. */
    public List<Double> rawValues() {
        return rawData().stream().flatMap(List::stream).toList();
    }

    /** This metric expressed in {@code target} (a unit of the same {@link TimeUnits.Kind}); unchanged otherwise. */
    public Metric in(String target) {
        double factor = TimeUnits.factor(unit, target);
        if (Double.isNaN(factor)) {
            return this;
        }
        double[][] scaled = new double[forks.length][];
        for (int f = 0; f < forks.length; f++) {
            scaled[f] = new double[forks[f].length];
            for (int i = 0; i < scaled[f].length; i++) {
                scaled[f][i] = forks[f][i] * factor;
            }
        }
        return new Metric(score * factor, scoreError * factor, confidenceLow * factor, confidenceHigh * factor,
                target, scaled,
                rawDataHistogram.stream().map(fork -> fork.stream().map(it -> it.stream()
                        .map(bin -> new HistogramBin(bin.value() * factor, bin.count())).toList()).toList()).toList());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m
                && Double.compare(score, m.score) == 0
                && Double.compare(scoreError, m.scoreError) == 0
                && Double.compare(confidenceLow, m.confidenceLow) == 0
                && Double.compare(confidenceHigh, m.confidenceHigh) == 0
                && Objects.equals(unit, m.unit)
                && Arrays.deepEquals(forks, m.forks)
                && rawDataHistogram.equals(m.rawDataHistogram);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, scoreError, confidenceLow, confidenceHigh, unit, Arrays.deepHashCode(forks),
                rawDataHistogram);
    }

    @Override
    public String toString() {
        return "Metric[score=" + score + ", scoreError=" + scoreError + ", confidenceLow=" + confidenceLow
                + ", confidenceHigh=" + confidenceHigh + ", unit=" + unit + ", rawData=" + rawData()
                + ", rawDataHistogram=" + rawDataHistogram + "]";
    }

    private static double[][] toArrays(List<List<Double>> rawData) {
        double[][] forks = new double[rawData.size()][];
        for (int f = 0; f < forks.length; f++) {
            List<Double> fork = rawData.get(f);
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = fork.get(i); // a null value fails here, as List.copyOf did
            }
            forks[f] = values;
        }
        return forks;
    }

    private static List<List<List<HistogramBin>>> copy(List<List<List<HistogramBin>>> histogram) {
        return List.copyOf(histogram.stream().map(fork -> List.copyOf(fork.stream().map(List::copyOf).toList())).toList());
    }

    /** The forks as read-only lists. */
    private static final class ForkList extends AbstractList<List<Double>> implements RandomAccess {
        private final double[][] forks;

        ForkList(double[][] forks) {
            this.forks = forks;
        }

        @Override
        public List<Double> get(int f) {
            double[] values = forks[f];
            return new Values(values);
        }

        @Override
        public int size() {
            return forks.length;
        }
    }

    /** One fork's values as a read-only list. */
    private static final class Values extends AbstractList<Double> implements RandomAccess {
        private final double[] values;

        Values(double[] values) {
            this.values = values;
        }

        @Override
        public Double get(int i) {
            return values[i];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
