package parbench.bench.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * What one sweep measures and where it writes; validated by {@link RunCommand}. Immutable.
 *
 * @param profile forks, iterations and the parameter grid
 * @param cores the core counts, each at most the machine's
 * @param include the JMH benchmark regex
 * @param runDirectory the run directory to create (must not hold a manifest yet)
 * @param latestLink the {@code results/latest} symlink to point at the run, or null for none
 * @param extraJmhOptions the user's JMH options, appended after the profile's
 * @param java the {@code java} launcher of every benchmark JVM (the sweep's own)
 * @param classpath the classpath holding the benchmarks (normally {@code benchmarks.jar})
 * @param stubLatencyMillis the Wikipedia stub's latency, at least 0
 * @param taskset whether to pin with {@code taskset}; false records active-processor-count-only
 */
public record SweepSettings(SweepProfile profile, CoreSet cores, String include, Path runDirectory,
        Path latestLink, List<String> extraJmhOptions, Path java, String classpath, long stubLatencyMillis,
        boolean taskset) {

    public SweepSettings {
        extraJmhOptions = List.copyOf(extraJmhOptions);
    }

    /** The profile's JMH options followed by the user's. */
    public List<String> jmhOptions() {
        var options = new java.util.ArrayList<>(profile.jmhOptions());
        options.addAll(extraJmhOptions);
        return options;
    }
}
