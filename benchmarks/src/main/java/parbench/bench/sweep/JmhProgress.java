package parbench.bench.sweep;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's human-readable output, line by line, and says when a benchmark point finished
 * and how far the JMH run is. Reads {@code # Run progress: x% complete, ETA hh:mm:ss},
 * {@code # Benchmark: NAME}, {@code # Parameters: (...)} and the score line after
 * {@code Result "NAME":}. Not thread-safe: one reader thread feeds it.
 */
public final class JmhProgress {

    private static final Pattern PROGRESS =
            Pattern.compile("^# Run progress: ([0-9.]+)% complete, ETA (\\d+):(\\d\\d):(\\d\\d)");
    private static final Pattern AFFINITY =
            Pattern.compile("parbench: availableProcessors=(\\d+) affinity=(\\S+)");

    /** A finished point: benchmark name, its parameters (or empty) and JMH's score text. */
    public record Point(String benchmark, String parameters, String score) {
        @Override
        public String toString() {
            return benchmark + (parameters.isEmpty() ? "" : " " + parameters) + ": " + score;
        }
    }

    /** What a benchmark fork reported about its processors and affinity. */
    public record Seen(int processors, String cpus) {}

    private String benchmark = "";
    private String parameters = "";
    private boolean resultNext;
    private double percent;
    private long etaSeconds = -1;
    private Seen seen;

    /** Feeds one output line; returns the point it finished, if it finished one. */
    public Optional<Point> accept(String line) {
        if (resultNext) {
            resultNext = false;
            return Optional.of(new Point(benchmark, parameters, line.strip()));
        }
        Matcher progress = PROGRESS.matcher(line);
        if (progress.find()) {
            percent = Double.parseDouble(progress.group(1));
            etaSeconds = Long.parseLong(progress.group(2)) * 3600 + Long.parseLong(progress.group(3)) * 60
                    + Long.parseLong(progress.group(4));
        } else if (line.startsWith("# Benchmark: ")) {
            benchmark = shorten(line.substring("# Benchmark: ".length()).strip());
            parameters = "";
        } else if (line.startsWith("# Parameters: ")) {
            parameters = line.substring("# Parameters: ".length()).strip();
        } else if (line.startsWith("Result \"")) {
            resultNext = true;
        } else {
            Matcher affinity = AFFINITY.matcher(line);
            if (affinity.find() && seen == null) {
                seen = new Seen(Integer.parseInt(affinity.group(1)), affinity.group(2));
            }
        }
        return Optional.empty();
    }

    /** The last percent complete JMH printed, 0 to 100. */
    public double percent() {
        return percent;
    }

    /** JMH's last ETA in seconds, -1 before it printed one. */
    public long etaSeconds() {
        return etaSeconds;
    }

    /** The first processor report of a benchmark fork, empty if none printed one. */
    public Optional<Seen> seen() {
        return Optional.ofNullable(seen);
    }

    private static String shorten(String benchmark) {
        return benchmark.startsWith("parbench.bench.") ? benchmark.substring("parbench.bench.".length()) : benchmark;
    }
}
