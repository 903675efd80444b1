package parbench.report.jmh;

import java.util.List;

/**
 * One JMH metric (the primary one or a secondary one) as JMH wrote it.
 *
 * @param score            the score; NaN or infinite where JMH wrote "NaN", "+INF", "-INF"
 * @param scoreError       half-width of the 99.9 % interval JMH reports; NaN when it has too few samples
 * @param confidenceLow    lower bound of JMH's confidence interval (NaN if absent)
 * @param confidenceHigh   upper bound (NaN if absent)
 * @param unit             JMH's unit, such as {@code ms/op}, {@code ops/s}, {@code MB/sec}
 * @param rawData          per fork, per measurement iteration (empty for sample mode and for secondaries
 *                         JMH wrote without raw data)
 * @param rawDataHistogram sample mode only: per fork, per iteration, the histogram bins
 */
public record Metric(
        double score,
        double scoreError,
        double confidenceLow,
        double confidenceHigh,
        String unit,
        List<List<Double>> rawData,
        List<List<List<HistogramBin>>> rawDataHistogram) {

    public Metric {
        rawData = List.copyOf(rawData.stream().map(List::copyOf).toList());
        rawDataHistogram = List.copyOf(rawDataHistogram.stream()
                .map(fork -> List.copyOf(fork.stream().map(List::copyOf).toList())).toList());
    }

    /** The number of samples behind the score: measured operations for sample mode, else iterations. */
    public long sampleCount() {
        if (!rawDataHistogram.isEmpty()) {
            return rawDataHistogram.stream().flatMap(List::stream).flatMap(List::stream)
                    .mapToLong(HistogramBin::count).sum();
        }
        return rawData.stream().mapToLong(List::size).sum();
    }

    /** Measurement iterations over all forks. */
    public int iterationCount() {
        if (!rawDataHistogram.isEmpty()) {
            return rawDataHistogram.stream().mapToInt(List::size).sum();
        }
        return rawData.stream().mapToInt(List::size).sum();
    }

    /** Every raw iteration value, forks concatenated. */
    public List<Double> rawValues() {
        return rawData.stream().flatMap(List::stream).toList();
    }

    /** This metric expressed in {@code target} (a unit of the same {@link TimeUnits.Kind}); unchanged otherwise. */
    public Metric in(String target) {
        double factor = TimeUnits.factor(unit, target);
        if (Double.isNaN(factor)) {
            return this;
        }
        return new Metric(score * factor, scoreError * factor, confidenceLow * factor, confidenceHigh * factor,
                target,
                rawData.stream().map(fork -> fork.stream().map(v -> v * factor).toList()).toList(),
                rawDataHistogram.stream().map(fork -> fork.stream().map(it -> it.stream()
                        .map(bin -> new HistogramBin(bin.value() * factor, bin.count())).toList()).toList()).toList());
    }
}
