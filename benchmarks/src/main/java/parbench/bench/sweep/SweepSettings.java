package parbench.bench.sweep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * What one sweep measures and where it writes; validated by {@link RunCommand}. Immutable.
 *
 * @param profile budget, forks, iterations and the profile's parameters
 * @param cores the user's core counts, each at most {@code processors}; null to let the {@link Planner} choose
 * @param processors N, the processors the sweep plans for (this process's affinity, or {@code --assume-processors})
 * @param budget the wall-time budget (the profile's, or {@code --budget}); null for none
 * @param include the JMH benchmark regex
 * @param runDirectory the run directory to create (must not hold a manifest yet)
 * @param latestLink the {@code results/latest} symlink to point at the run, or null for none
 * @param extraJmhOptions the user's JMH options; those of the profile's names replace the profile's
 * @param java the {@code java} launcher of every benchmark JVM (the sweep's own)
 * @param classpath the classpath holding the benchmarks (normally {@code benchmarks.jar})
 * @param stubLatencyMillis the Wikipedia stub's latency, at least 0; also passed as {@code -p latencyMillis}
 * @param taskset whether to pin with {@code taskset}; false records active-processor-count-only
 * @param jvm whether to run the JMH benchmarks (false for {@code parbench python}: Python only)
 * @param pythons the Python harnesses to run after each core count's JMH run, one per interpreter
 *     ({@code --python}, repeatable), in order; empty for none
 */
public record SweepSettings(SweepProfile profile, CoreSet cores, int processors, Duration budget, String include,
        Path runDirectory, Path latestLink, List<String> extraJmhOptions, Path java, String classpath,
        long stubLatencyMillis, boolean taskset, boolean jvm, List<PythonHarness> pythons) {

    /** The include regex that selects everything, the default. */
    public static final String EVERYTHING = ".*";

    public SweepSettings {
        extraJmhOptions = List.copyOf(extraJmhOptions);
        pythons = pythons == null ? List.of() : List.copyOf(pythons);
        if (!jvm && pythons.isEmpty()) {
            throw new IllegalArgumentException("a sweep runs the JVM benchmarks, the Python harness or both");
        }
    }

    /** A JVM-only sweep of the given core counts on a machine of their size, the profile's budget. */
    public SweepSettings(SweepProfile profile, CoreSet cores, String include, Path runDirectory, Path latestLink,
            List<String> extraJmhOptions, Path java, String classpath, long stubLatencyMillis, boolean taskset) {
        this(profile, cores, cores.machineProcessors(), profile.budget().orElse(null), include, runDirectory,
                latestLink, extraJmhOptions, java, classpath, stubLatencyMillis, taskset, true, List.of());
    }

    /** The first Python harness, or null when the sweep runs none. */
    public PythonHarness python() {
        return pythons.isEmpty() ? null : pythons.getFirst();
    }

    /** These settings writing into {@code directory} (the run directory as created, with its suffix). */
    public SweepSettings withRunDirectory(Path directory) {
        return new SweepSettings(profile, cores, processors, budget, include, directory, latestLink, extraJmhOptions,
                java, classpath, stubLatencyMillis, taskset, jvm, pythons);
    }

    /** The include regex as the Python harness takes it: null when it selects everything. */
    public String pythonInclude() {
        return include.equals(EVERYTHING) ? null : include;
    }

    /** The profile's forks and iterations with the user's {@code -f -wi -i -w -r} applied. */
    public JmhTiming timing() {
        return profile.timing().with(extraJmhOptions);
    }

    /**
     * The JMH options every run of the sweep gets besides its benchmark and {@code -p} grid: the
     * profile's timing, where the user did not give the same option, then the user's options other
     * than {@code -p} (those are in the plan's grids); JMH rejects an option given twice.
     */
    public List<String> jmhOptions() {
        var user = userOptionsWithoutParams();
        var names = new HashSet<String>();
        user.stream().filter(token -> token.startsWith("-")).forEach(names::add);
        var options = new ArrayList<String>();
        List<String> profileOptions = profile.jmhOptions();
        for (int i = 0; i + 1 < profileOptions.size(); i += 2) {
            if (!names.contains(profileOptions.get(i))) {
                options.add(profileOptions.get(i));
                options.add(profileOptions.get(i + 1));
            }
        }
        options.addAll(user);
        return options;
    }

    private List<String> userOptionsWithoutParams() {
        var options = new ArrayList<String>();
        for (int i = 0; i < extraJmhOptions.size(); i++) {
            if (extraJmhOptions.get(i).equals("-p") && i + 1 < extraJmhOptions.size()) {
                i++;
            } else {
                options.add(extraJmhOptions.get(i));
            }
        }
        return options;
    }
}
