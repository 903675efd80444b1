package parbench.report.analysis;

import parbench.report.jmh.Metric;

import java.util.Optional;

/**
 * Whether a result carries enough measurement for a verdict: the planner's minimum of {@value #MIN_FORKS} forks
 * (DESIGN.md: variance lives between JVMs, so one fork is one sample of it) with at least
 * {@value #MIN_ITERATIONS} measurement iterations each. A smoke run ({@code -f 0}, one iteration) has neither:
 * its numbers are shown, its findings say "not enough data for a finding". Stateless.
 */
public final class Evidence {

    public static final int MIN_FORKS = 2;
    public static final int MIN_ITERATIONS = 3;
    /** What a finding or a table cell says in place of a verdict. */
    public static final String NOT_ENOUGH = "not enough data for a finding";

    private Evidence() {
    }

    /** Empty when {@code row} is enough for a verdict, else what it lacks: "1 fork of 5 iterations". */
    public static Optional<String> lacking(Row row) {
        Metric m = row.metric();
        int forks = !m.rawDataHistogram().isEmpty() ? m.rawDataHistogram().size() : m.rawData().size();
        int fewest = !m.rawDataHistogram().isEmpty()
                ? m.rawDataHistogram().stream().mapToInt(java.util.List::size).min().orElse(0)
                : m.rawData().stream().mapToInt(java.util.List::size).min().orElse(0);
        if (forks >= MIN_FORKS && fewest >= MIN_ITERATIONS) {
            return Optional.empty();
        }
        return Optional.of(forks + (forks == 1 ? " fork" : " forks") + " of " + fewest
                + (fewest == 1 ? " iteration" : " iterations") + "; a verdict needs " + MIN_FORKS + " forks of "
                + MIN_ITERATIONS);
    }

    public static boolean enough(Row row) {
        return lacking(row).isEmpty();
    }
}
