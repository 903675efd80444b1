package parbench.bench.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How hard a sweep measures: JMH forks, iterations and their times, and the parameter grid
 * ({@code -p}) that narrows each benchmark's own {@code @Param} defaults. Profiles are data: the
 * sweep turns one into JMH options and never sets these flags elsewhere. Immutable.
 *
 * <p>Budgets, measured on a 2-core machine: {@code smoke} at most 2 minutes (every model and
 * workload once, for CI and tests), {@code quick} at most 10 minutes (the default of
 * {@code mvn verify}), {@code full} hours (3 forks, the benchmarks' whole grids).
 */
public enum SweepProfile {
    /**
     * Runs every benchmark point once, in the JMH JVM itself ({@code -f 0}: no fork start-up per
     * point, the host JVM is already pinned and sized), with short tasks: proves everything
     * works, measures nothing worth comparing.
     */
    SMOKE(0, 0, 1, Duration.ofMillis(50), Duration.ofMillis(100),
            Map.of("parallelism", "2", "taskMillis", "1"), 5, false),
    /**
     * One fork per point, 5 measured iterations for confidence intervals, every model and workload
     * at p = 2 (at 1 core that oversubscribes, which is the point of the 1-core baseline). Measured
     * with {@code -wi 2 -w 200ms -r 300ms -p parallelism=1,2} on the loaded 2-core VM at about 14
     * minutes for 160 points, hence p = 2 only (80 points), one warm-up and 200 ms windows.
     */
    QUICK(1, 1, 5, Duration.ofMillis(300), Duration.ofMillis(200),
            Map.of("parallelism", "2"), 50, false),
    /** Three forks, the benchmarks' own grids, the stub at the benchmarks' default latency. */
    FULL(3, 5, 10, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Map.of(), 50, true);

    /** What one fork costs beyond its iterations (JVM start, JIT, set-up), for estimates only. */
    static final Duration FORK_OVERHEAD = Duration.ofMillis(2500);
    /** What a point costs beyond its iterations without a fork ({@code -f 0}): set-up, tear-down. */
    static final Duration IN_PROCESS_OVERHEAD = Duration.ofMillis(600);
    /** The JMH parameter that must equal the stub's latency. */
    static final String LATENCY_PARAM = "latencyMillis";

    private final int forks;
    private final int warmupIterations;
    private final int iterations;
    private final Duration warmupTime;
    private final Duration measurementTime;
    private final Map<String, String> params;
    private final long stubLatencyMillis;
    private final boolean powersOfTwoOnBigMachines;

    SweepProfile(int forks, int warmupIterations, int iterations, Duration warmupTime,
            Duration measurementTime, Map<String, String> params, long stubLatencyMillis,
            boolean powersOfTwoOnBigMachines) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.iterations = iterations;
        this.warmupTime = warmupTime;
        this.measurementTime = measurementTime;
        this.params = new LinkedHashMap<>(params);
        this.stubLatencyMillis = stubLatencyMillis;
        this.powersOfTwoOnBigMachines = powersOfTwoOnBigMachines;
    }

    /**
     * The Wikipedia stub's latency in ms; the sweep also passes it as {@code -p latencyMillis},
     * since WikiBenchmark requires the two to agree.
     */
    public long stubLatencyMillis() {
        return stubLatencyMillis;
    }

    /** The lower-case name users type, e.g. {@code quick}. */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The profile named {@code name}.
     *
     * @throws IllegalArgumentException naming the bad value and the known names
     */
    public static SweepProfile named(String name) {
        return Arrays.stream(values())
                .filter(profile -> profile.profileName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown profile '" + name + "' (known: "
                        + Arrays.stream(values()).map(SweepProfile::profileName).collect(Collectors.joining(", "))
                        + ")"));
    }

    /** The default core counts on a machine with {@code processors} logical processors. */
    public CoreSet defaultCores(int processors) {
        // every count on small machines; full adds the powers of two in between on big ones
        return CoreSet.upTo(processors, powersOfTwoOnBigMachines ? 8 : Integer.MAX_VALUE);
    }

    /** The JMH command-line options of this profile, e.g. {@code -f 1 -wi 2 -i 5 ...}. */
    public List<String> jmhOptions() {
        var options = new ArrayList<>(List.of(
                "-f", String.valueOf(forks),
                "-wi", String.valueOf(warmupIterations),
                "-i", String.valueOf(iterations),
                "-w", warmupTime.toMillis() + "ms",
                "-r", measurementTime.toMillis() + "ms"));
        params.forEach((name, values) -> options.addAll(List.of("-p", name + "=" + values)));
        return options;
    }

    /** The {@code -p} grid: parameter name to comma-separated values. */
    public Map<String, String> params() {
        return Map.copyOf(params);
    }

    /** The estimated wall time of {@code points} benchmark points at one core count. */
    public Duration estimate(int points) {
        Duration iterationsTime = warmupTime.multipliedBy(warmupIterations)
                .plus(measurementTime.multipliedBy(iterations));
        if (forks == 0) {
            return iterationsTime.plus(IN_PROCESS_OVERHEAD).multipliedBy(points);
        }
        return iterationsTime.plus(FORK_OVERHEAD).multipliedBy((long) forks * points);
    }
}
