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
    private final int points;
    private int finished;

    /** @param points the points of the whole sweep, JMH's and Python's */
    SweepProgress(PrintStream console, Instant started, int points) {
        this.console = console;
        this.started = started;
        this.points = points;
    }

    /** Prints one finished point. */
    void point(int cores, Object point) {
        console.printf("  [%d core%s] %s   (%s)%n", cores, cores == 1 ? " " : "s", point,
                overall(++finished, Duration.between(started, Instant.now())));
    }

    /** The share of points done and the ETA. */
    private String overall(int finishedPoints, Duration elapsed) {
        double fraction = Math.min(1.0, finishedPoints / (double) Math.max(1, points));
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
