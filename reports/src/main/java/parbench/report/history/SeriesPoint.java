package parbench.report.history;

import java.time.Instant;

/**
 * One run's value in a series: the mean of its fork means (the statistics core's {@code SampleTree.mean()}) and the
 * hierarchical bootstrap interval for it, forks then iterations resampled.
 *
 * @param runId  the run's content hash
 * @param commit the commit measured, or null
 * @param branch the branch, or null
 * @param time   when the run ran
 * @param value  the run's value in the series' unit
 * @param low    lower bound of the run's interval (95 %)
 * @param high   upper bound
 * @param speedup    the report's speedup over sequential in that run; NaN where there is none
 * @param efficiency the report's efficiency against the physical ideal; NaN where there is none
 */
public record SeriesPoint(String runId, String commit, String branch, Instant time, double value, double low,
                          double high, double speedup, double efficiency) {
}
