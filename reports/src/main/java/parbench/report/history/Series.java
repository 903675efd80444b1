package parbench.report.history;

import java.util.List;

/**
 * One benchmark's history on one testbed: a point per run, in time order (ties by run id).
 *
 * @param key    what the series measures, and where
 * @param points one per run, oldest first
 */
public record Series(SeriesKey key, List<SeriesPoint> points) {

    public Series {
        points = List.copyOf(points);
    }

    /** The run values, oldest first: what change-point detection reads. */
    public double[] values() {
        return points.stream().mapToDouble(SeriesPoint::value).toArray();
    }
}
