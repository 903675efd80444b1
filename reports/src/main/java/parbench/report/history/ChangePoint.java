package parbench.report.history;

import java.time.Instant;

/**
 * A step in one series: where it is, how large, and how sure.
 *
 * @param series the series it was found in
 * @param index  position of the first run after the change in the series, in time order
 * @param runId  that run's content hash
 * @param commit that run's commit, or null
 * @param time   that run's time
 * @param before the mean of the run values of the segment before the change
 * @param after  the mean of the run values of the segment after it
 * @param low    lower bound of the interval for {@code after / before} (the statistics core's bootstrap over the segments' runs)
 * @param high   upper bound
 * @param p      the permutation p-value of the split
 */
public record ChangePoint(SeriesKey series, int index, String runId, String commit, Instant time, double before,
                          double after, double low, double high, double p) {

    /** after / before: above 1 the figure went up (slower for a time, faster for a throughput). */
    public double ratio() {
        return after / before;
    }
}
