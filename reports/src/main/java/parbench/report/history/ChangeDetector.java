package parbench.report.history;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finds the change points of many series: {@link EDivisive} on each series' run medians, then for each change the
 * medians of the segments on either side, their ratio and a percentile-bootstrap interval for the ratio that resamples
 * the runs of each segment ({@value #RESAMPLES} resamples, {@value #CONFIDENCE} confidence): the runs are the level
 * where a history's noise lives.
 *
 * <p>Seeds derive from each series' key, so the same history always gives the same answer. Thread-safe; series are
 * searched in parallel.
 *
 * @param method the detection method and its settings
 */
public record ChangeDetector(EDivisive method) {

    static final int RESAMPLES = 999;
    static final double CONFIDENCE = 0.95;

    /** Every change point of every series, ordered by series then index. */
    public List<ChangePoint> find(List<Series> series) {
        return series.parallelStream().flatMap(s -> find(s).stream()).toList();
    }

    /** The change points of one series, by index. */
    public List<ChangePoint> find(Series series) {
        double[] medians = series.medians();
        long seed = seed(series.key());
        List<EDivisive.Split> splits = method.changePoints(medians, seed);
        List<ChangePoint> changes = new ArrayList<>(splits.size());
        SplittableRandom random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        for (int c = 0; c < splits.size(); c++) {
            int start = c == 0 ? 0 : splits.get(c - 1).index();
            int at = splits.get(c).index();
            int end = c + 1 < splits.size() ? splits.get(c + 1).index() : medians.length;
            double[] before = Arrays.copyOfRange(medians, start, at);
            double[] after = Arrays.copyOfRange(medians, at, end);
            double[] interval = ratioInterval(before, after, random);
            SeriesPoint first = series.points().get(at);
            changes.add(new ChangePoint(series.key(), at, first.runId(), first.commit(), first.time(), median(before),
                    median(after), interval[0], interval[1], splits.get(c).p()));
        }
        changes.sort(Comparator.comparingInt(ChangePoint::index));
        return changes;
    }

    private static double[] ratioInterval(double[] before, double[] after, SplittableRandom random) {
        double[] ratios = new double[RESAMPLES];
        double[] b = new double[before.length];
        double[] a = new double[after.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < b.length; i++) {
                b[i] = before[random.nextInt(before.length)];
            }
            for (int i = 0; i < a.length; i++) {
                a[i] = after[random.nextInt(after.length)];
            }
            ratios[r] = median(a) / median(b);
        }
        Arrays.sort(ratios);
        double tail = (1 - CONFIDENCE) / 2;
        return new double[]{ratios[(int) Math.floor(tail * (RESAMPLES + 1)) - 1],
                ratios[(int) Math.ceil((1 - tail) * (RESAMPLES + 1)) - 1]};
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
