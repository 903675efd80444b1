package parbench.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows JMH's human-readable output, line by line, and says when a benchmark point finished
 * and how far the JMH run is. Reads {@code # Run progress: x% complete, ETA hh:mm:ss},
 * {@code # Benchmark: NAME}, {@code # Parameters: (...)} and the score line after
 * {@code Result "NAME":}. Not thread-safe: one reader thread feeds it.
 *
 * <p>It also keeps the points JMH started but scored no result for ({@link #lost}), with the error
 * JMH printed for them: under JMH's default {@code -foe false} a point that throws (in set-up, or a
 * wrong output checked by the batch) prints {@code <failure>} and the exception, is left out of the
 * JSON, and JMH goes on with the next point and exits 0. The sweep keeps that default, since
 * {@code -foe true} stops at the first failure and writes an empty JSON file, losing every other
 * point; it fails the core count from {@link #lost} instead.
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

    /**
     * A point JMH started and scored no result for.
     *
     * @param benchmark the benchmark, e.g. {@code SleepBenchmark.batch}
     * @param params its parameters in JMH's order, e.g. {@code tasks=0}; empty for none
     * @param error the first line JMH printed about the failure (usually the exception), or a
     *     note that it printed none
     */
    public record LostPoint(String benchmark, Map<String, String> params, String error) {
        public LostPoint {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        /** {@code SleepBenchmark.batch (model=sequential, tasks=0): java.lang...: tasks must be ...}. */
        @Override
        public String toString() {
            var names = new ArrayList<String>();
            params.forEach((name, value) -> names.add(name + "=" + value));
            return benchmark + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")") + ": " + error;
        }
    }

    /**
     * JMH's failed iteration: {@code Iteration   3: <failure>}, or {@code <failure>} alone on its line
     * when something else wrote into the iteration line first (a worker JVM's stderr, such as the
     * pool's {@code parbench: waiting on worker pid ...} or the launcher's {@code Picked up JAVA_TOOL_OPTIONS}).
     */
    private static final Pattern FAILURE = Pattern.compile("^(?:(?:Warmup )?Iteration\\s+\\d+: )?<failure>\\s*$");
    private static final Pattern ITERATION = Pattern.compile("^(?:Warmup )?Iteration\\s+\\d+: ");
    private static final String NO_ERROR = "no result and no error printed (see the log)";

    private String benchmark = "";
    private String parameters = "";
    private boolean resultNext;
    private double percent;
    private long etaSeconds = -1;
    private Seen seen;
    /** Started points by benchmark and parameters, in order. */
    private final Map<String, LostPoint> startedPoints = new LinkedHashMap<>();
    /** The first error JMH printed for a started point, by the same key. */
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Set<String> finished = new LinkedHashSet<>();
    /** The point whose failure JMH is printing: its error is the next non-blank line. */
    private String failing;

    /** Feeds one output line; returns the point it finished, if it finished one. */
    public Optional<Point> accept(String line) {
        if (resultNext) {
            resultNext = false;
            finished.add(key());
            return Optional.of(new Point(benchmark, parameters, line.strip()));
        }
        if (failing != null && !line.isBlank()) {
            errors.putIfAbsent(failing, line.strip());
            failing = null;
            return Optional.empty();
        }
        if (FAILURE.matcher(line).find()) {
            start();
            failing = key();
            return Optional.empty();
        }
        if (line.startsWith("<forked VM failed")) {
            start();
            errors.putIfAbsent(key(), line.strip());
            return Optional.empty();
        }
        if (ITERATION.matcher(line).find()) {
            start();
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
            start();
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

    /**
     * The points JMH started but scored no result for, in the order they started, each with the
     * error JMH printed for it.
     */
    public List<LostPoint> lost() {
        var lost = new ArrayList<LostPoint>();
        startedPoints.forEach((key, point) -> {
            if (!finished.contains(key)) {
                lost.add(new LostPoint(point.benchmark(), point.params(), errors.getOrDefault(key, NO_ERROR)));
            }
        });
        return lost;
    }

    /** How many points JMH started, scored or not. */
    public int startedPoints() {
        return startedPoints.size();
    }

    private String key() {
        return benchmark + " " + parameters;
    }

    private void start() {
        String key = key();
        startedPoints.computeIfAbsent(key, k -> new LostPoint(benchmark, params(parameters), NO_ERROR));
    }

    /** JMH's {@code (model = sequential, tasks = 0)} as a map, in order. */
    static Map<String, String> params(String parameters) {
        var params = new LinkedHashMap<String, String>();
        String inner = parameters.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        for (String pair : inner.split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return params;
    }

    /** The first processor report of a benchmark fork, empty if none printed one. */
    public Optional<Seen> seen() {
        return Optional.ofNullable(seen);
    }

    private static String shorten(String benchmark) {
        return benchmark.startsWith("parbench.bench.") ? benchmark.substring("parbench.bench.".length()) : benchmark;
    }
}
