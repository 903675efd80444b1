package parbench.bench.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The console lines of a sweep: one per finished point, JMH's or Python's, with the sweep's
 * overall progress and an ETA extrapolated from the time spent so far. Not thread-safe: the
 * sweep's thread (the one reading child output) uses it.
 */
final class SweepProgress {

    private final PrintStream console;
    private final Instant started;
    private final int coreCounts;
    private final int pointsPerCoreCount;
    private int index;
    private int finishedInCoreCount;

    /**
     * @param coreCounts how many core counts the sweep measures, at least 1
     * @param pointsPerCoreCount the points of one core count, JMH's and Python's
     */
    SweepProgress(PrintStream console, Instant started, int coreCounts, int pointsPerCoreCount) {
        this.console = console;
        this.started = started;
        this.coreCounts = coreCounts;
        this.pointsPerCoreCount = pointsPerCoreCount;
    }

    /** Starts the {@code index}-th core count (from 0). */
    void startCoreCount(int newIndex) {
        index = newIndex;
        finishedInCoreCount = 0;
    }

    /** Prints one finished point of the current core count. */
    void point(int cores, Object point) {
        console.printf("  [%d core%s] %s   (%s)%n", cores, cores == 1 ? " " : "s", point,
                overall(++finishedInCoreCount, Duration.between(started, Instant.now())));
    }

    /** Core counts done plus this one's share of points, and the ETA. */
    private String overall(int finishedPoints, Duration elapsed) {
        double within = Math.min(1.0, finishedPoints / (double) Math.max(1, pointsPerCoreCount));
        double fraction = (index + within) / coreCounts;
        Duration eta = fraction > 0
                ? Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction))
                : Duration.ZERO;
        return String.format("sweep %3.0f%%, ETA %s", fraction * 100, format(eta));
    }

    /** {@code h:mm:ss}, negative durations as zero. */
    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
