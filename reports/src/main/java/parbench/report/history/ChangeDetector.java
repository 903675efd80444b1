package parbench.report.history;

import parbench.report.stats.Bootstrap;
import parbench.report.stats.Estimate;
import parbench.report.stats.SampleTree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the change points of many series: {@link EDivisive} on each series' run values, then for each change the
 * segments on either side as the statistics core sees runs ({@link SampleTree}, one value per run), their means, the
 * ratio after / before and its interval from the core's {@link Bootstrap} over the segments' runs at
 * {@value #CONFIDENCE} confidence: the runs are the level where a history's noise lives.
 *
 * <p>Seeds derive from each series' key, so the same history always gives the same answer. Thread-safe; series are
 * searched in parallel.
 *
 * @param method    the detection method and its settings
 * @param bootstrap the interval's bootstrap
 */
public record ChangeDetector(EDivisive method, Bootstrap bootstrap) {

    static final double CONFIDENCE = 0.95;

    /** E-divisive with its defaults and the statistics core's standard bootstrap. */
    public static ChangeDetector standard() {
        return new ChangeDetector(EDivisive.DEFAULT, Bootstrap.standard());
    }

    /** Every change point of every series, ordered by series then index. */
    public List<ChangePoint> find(List<Series> series) {
        return series.parallelStream().flatMap(s -> find(s).stream()).toList();
    }

    /** The change points of one series, by index. */
    public List<ChangePoint> find(Series series) {
        double[] values = series.values();
        List<EDivisive.Split> splits = method.changePoints(values, seed(series.key()));
        List<ChangePoint> changes = new ArrayList<>(splits.size());
        for (int c = 0; c < splits.size(); c++) {
            int start = c == 0 ? 0 : splits.get(c - 1).index();
            int at = splits.get(c).index();
            int end = c + 1 < splits.size() ? splits.get(c + 1).index() : values.length;
            SampleTree before = runs(Arrays.copyOfRange(values, start, at));
            SampleTree after = runs(Arrays.copyOfRange(values, at, end));
            Estimate ratio = bootstrap.ratio(after, before, CONFIDENCE, false);
            SeriesPoint first = series.points().get(at);
            changes.add(new ChangePoint(series.key(), at, first.runId(), first.commit(), first.time(), before.mean(),
                    after.mean(), ratio.low(), ratio.high(), splits.get(c).p()));
        }
        return changes;
    }

    /** One run per value, each a single fork of a single iteration: the tree of a segment of run values. */
    private static SampleTree runs(double[] values) {
        List<double[][]> runs = new ArrayList<>(values.length);
        for (double v : values) {
            runs.add(new double[][]{{v}});
        }
        return SampleTree.ofRuns(runs);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long seed(SeriesKey key) {
        long h = 1125899906842597L;
        for (byte b : (key.testbedId() + "|" + key.display() + "|" + key.python() + "|" + key.unit())
                .getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }
}
