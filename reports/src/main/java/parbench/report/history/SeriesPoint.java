package parbench.report.history;

import java.time.Instant;

/**
 * One run's value in a series: the median of its raw samples and the interval for that median.
 *
 * @param runId  the run's content hash
 * @param commit the commit measured, or null
 * @param branch the branch, or null
 * @param time   when the run ran
 * @param median the median of the run's samples
 * @param low    lower bound of the run's interval for the median
 * @param high   upper bound
 * @param speedup    the report's speedup over sequential in that run; NaN where there is none
 * @param efficiency the report's efficiency against the physical ideal; NaN where there is none
 */
public record SeriesPoint(String runId, String commit, String branch, Instant time, double median, double low,
                          double high, double speedup, double efficiency) {
}
