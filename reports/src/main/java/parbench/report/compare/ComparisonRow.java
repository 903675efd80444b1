package parbench.report.compare;

import java.util.Optional;

/**
 * The outcome for one key.
 *
 * @param key       what was compared
 * @param direction which way is better
 * @param baseline  the baseline side; empty when {@link Verdict#ADDED}
 * @param candidate the candidate side; empty when {@link Verdict#REMOVED}
 * @param change    the change; empty when a side is missing or has no usable sample
 * @param threshold the smallest change that counts here, as a fraction
 * @param verdict   the conclusion
 * @param note      why, when the verdict is {@link Verdict#INSUFFICIENT_DATA}; else empty
 */
public record ComparisonRow(ComparisonKey key, Direction direction, Optional<SideSummary> baseline,
                            Optional<SideSummary> candidate, Optional<Change> change, double threshold,
                            Verdict verdict, Optional<String> note) {
}
