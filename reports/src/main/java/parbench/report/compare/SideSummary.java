package parbench.report.compare;

import parbench.report.stats.Replicates;

/**
 * One side of one comparison row: how much data, the figure's value and its interval.
 *
 * @param runs       runs behind it
 * @param forks      forks over all runs
 * @param iterations measurement iterations over all forks
 * @param value      the figure's value (mean of run means of fork means, or the speedup / efficiency of them)
 * @param low        lower bound of its hierarchical bootstrap interval at confidence {@code 1 − alpha}
 * @param high       upper bound
 * @param oneFork    true when some run has a single fork: the interval ignores JVM-to-JVM variation
 */
public record SideSummary(int runs, int forks, int iterations, double value, double low, double high,
                          boolean oneFork) {

    /** The summary of {@code figure} from its {@code replicates}: value and expanded percentile interval. */
    public static SideSummary of(Figure figure, Replicates replicates, double confidence) {
        double[] interval = figure instanceof Figure.Score
                ? replicates.expandedLinearInterval(confidence, figure.point(), figure.units())
                : replicates.expandedInterval(confidence, figure.point(), figure.units());
        return new SideSummary(figure.runs(), figure.forks(), figure.iterations(), figure.point(), interval[0],
                interval[1], figure.oneFork());
    }

    /** The larger distance from the value to a bound, in percent of the value (benchstat's "± x%"). */
    public double plusMinusPercent() {
        return Math.max(high - value, value - low) / Math.abs(value) * 100;
    }

    /**
     * How much data, benchstat's {@code n}: {@code forks×iterations per fork} for one run ({@code 3×5}), prefixed
     * with the runs for several ({@code 2r 6×5}); iterations per fork rounded when forks differ.
     */
    public String n() {
        long perFork = forks == 0 ? 0 : Math.round((double) iterations / forks);
        return (runs > 1 ? runs + "r " : "") + forks + "×" + perFork;
    }
}
