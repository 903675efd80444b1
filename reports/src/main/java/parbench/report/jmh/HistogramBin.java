package parbench.report.jmh;

/** One bin of a JMH sample-mode histogram: {@code count} samples measured at {@code value}. */
public record HistogramBin(double value, long count) {
}
