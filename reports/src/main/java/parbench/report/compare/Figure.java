package parbench.report.compare;

/**
 * One side's pooled samples of one compared figure.
 *
 * @param key       what it is
 * @param direction which way is better
 * @param samples   the samples of every result with this key on this side
 */
public record Figure(ComparisonKey key, Direction direction, Samples samples) {
}
