package parbench.bench.sweep;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How hard a sweep measures: its time budget, JMH forks, iterations and their times, parameters
 * fixed by the profile, and whether the {@link Planner} adds a parallelism curve. Profiles are
 * data: the planner turns one into a {@link SweepPlan}, and nothing else sets these flags. Immutable.
 *
 * <p>Budgets: {@code smoke} 2 minutes (every model and workload once at every planned core count,
 * in the JMH JVM itself: proves everything works, for CI and tests), {@code quick} 10 minutes (the
 * default of {@code mvn verify}: 2 forks of 3 iterations a point, so 6 samples and a fork-to-fork
 * spread; the waiting work at half the benchmarks' durations, 5 ms sleeps and a stub answering in 25 ms,
 * so that 1 and 2 cores fit the budget with room for the estimate's error), {@code full} unbounded (3 forks
 * of 10 iterations, the benchmarks' own 10 ms sleeps and 50 ms stub, every core count the planner offers).
 * {@code --budget} overrides a profile's budget.
 */
public enum SweepProfile {
    /** One in-process iteration a point ({@code -f 0}: no fork start-up, the host JVM is already pinned), 1 ms sleeps. */
    SMOKE(Duration.ofMinutes(2), new JmhTiming(0, 0, 1, Duration.ofMillis(50), Duration.ofMillis(100)),
            Map.of("taskMillis", "1"), 5, false, 1),
    /**
     * Two forks of one 200 ms warm-up and three 200 ms iterations a point, 5 ms sleeps, a 25 ms stub; the
     * parallelism curve if it fits. On 1 core a batch of {@code full}'s waiting work lasts 1 s (100 sleeps of
     * 10 ms) and 1.7 s (32 checks of 50 ms), so its four iterations a fork, not the forks, would fill the budget.
     */
    QUICK(Duration.ofMinutes(10), new JmhTiming(2, 1, 3, Duration.ofMillis(200), Duration.ofMillis(200)),
            Map.of("taskMillis", "5"), 25, true, 2),
    /** Three forks, 5 warm-ups and 10 iterations of 1 s, the benchmarks' own task sizes, no budget. */
    FULL(null, new JmhTiming(3, 5, 10, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            Map.of(), 50, true, 3);

    /** The JMH parameter that must equal the stub's latency. */
    static final String LATENCY_PARAM = "latencyMillis";

    private final Duration budget;
    private final JmhTiming timing;
    private final Map<String, String> params;
    private final long stubLatencyMillis;
    private final boolean parallelismCurve;
    private final int pythonForks;

    SweepProfile(Duration budget, JmhTiming timing, Map<String, String> params, long stubLatencyMillis,
            boolean parallelismCurve, int pythonForks) {
        this.budget = budget;
        this.timing = timing;
        this.params = new LinkedHashMap<>(params);
        this.stubLatencyMillis = stubLatencyMillis;
        this.parallelismCurve = parallelismCurve;
        this.pythonForks = pythonForks;
    }

    /** The wall time a sweep of this profile must fit by its estimate; empty for unbounded ({@code full}). */
    public Optional<Duration> budget() {
        return Optional.ofNullable(budget);
    }

    /** Forks, warm-ups and iterations of every JMH point. */
    public JmhTiming timing() {
        return timing;
    }

    /**
     * The Wikipedia stub's latency in ms; the sweep also passes it as {@code -p latencyMillis},
     * since WikiBenchmark requires the two to agree.
     */
    public long stubLatencyMillis() {
        return stubLatencyMillis;
    }

    /** Whether the planner adds a parallelism curve at the largest core count. */
    public boolean parallelismCurve() {
        return parallelismCurve;
    }

    /** Interpreter processes per Python point, the Python side's forks. */
    public int pythonForks() {
        return pythonForks;
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

    /** The JMH options of this profile's timing, e.g. {@code -f 2 -wi 1 -i 3 -w 200ms -r 200ms}. */
    public java.util.List<String> jmhOptions() {
        return timing.options();
    }

    /** Parameters the profile fixes ({@code -p}), e.g. smoke's {@code taskMillis=1}. */
    public Map<String, String> params() {
        return Map.copyOf(params);
    }
}
