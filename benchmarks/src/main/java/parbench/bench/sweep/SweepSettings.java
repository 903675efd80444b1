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
 * @param stubLatencyMillis the Wikipedia stub's latency, at least 0; also passed as {@code -p latencyMillis}
 * @param taskset whether to pin with {@code taskset}; false records active-processor-count-only
 * @param jvm whether to run the JMH benchmarks (false for {@code parbench python}: Python only)
 * @param pythons the Python harnesses to run after each core count's JMH run, one per interpreter, in order;
 *     empty for none
 */
public record SweepSettings(SweepProfile profile, CoreSet cores, String include, Path runDirectory,
        Path latestLink, List<String> extraJmhOptions, Path java, String classpath, long stubLatencyMillis,
        boolean taskset, boolean jvm, List<PythonHarness> pythons) {

    /** The include regex that selects everything, the default. */
    public static final String EVERYTHING = ".*";

    public SweepSettings {
        extraJmhOptions = List.copyOf(extraJmhOptions);
        pythons = pythons == null ? List.of() : List.copyOf(pythons);
        if (!jvm && pythons.isEmpty()) {
            throw new IllegalArgumentException("a sweep runs the JVM benchmarks, the Python harness or both");
        }
    }

    /** A sweep with at most one interpreter ({@code python} null for none). */
    public SweepSettings(SweepProfile profile, CoreSet cores, String include, Path runDirectory, Path latestLink,
            List<String> extraJmhOptions, Path java, String classpath, long stubLatencyMillis, boolean taskset,
            boolean jvm, PythonHarness python) {
        this(profile, cores, include, runDirectory, latestLink, extraJmhOptions, java, classpath, stubLatencyMillis,
                taskset, jvm, python == null ? List.of() : List.of(python));
    }

    /** The first Python harness, or null when the sweep runs none. */
    public PythonHarness python() {
        return pythons.isEmpty() ? null : pythons.getFirst();
    }

    /** A JVM-only sweep, as {@code parbench run} without {@code --with-python}. */
    public SweepSettings(SweepProfile profile, CoreSet cores, String include, Path runDirectory, Path latestLink,
            List<String> extraJmhOptions, Path java, String classpath, long stubLatencyMillis, boolean taskset) {
        this(profile, cores, include, runDirectory, latestLink, extraJmhOptions, java, classpath, stubLatencyMillis,
                taskset, true, List.of());
    }

    /** The include regex as the Python harness takes it: null when it selects everything. */
    public String pythonInclude() {
        return include.equals(EVERYTHING) ? null : include;
    }

    /**
     * The profile's JMH options followed by the user's; a user option replaces the profile's option
     * of the same name ({@code -i 3} replaces the profile's {@code -i}, {@code -p tasks=8} its
     * {@code -p tasks=...}), since JMH rejects an option given twice.
     */
    public List<String> jmhOptions() {
        var userOptions = new java.util.HashSet<String>();
        for (int i = 0; i < extraJmhOptions.size(); i++) {
            String token = extraJmhOptions.get(i);
            if (token.equals("-p") && i + 1 < extraJmhOptions.size()) {
                userOptions.add("-p " + paramName(extraJmhOptions.get(i + 1)));
            } else if (token.startsWith("-")) {
                userOptions.add(token);
            }
        }
        var options = new java.util.ArrayList<String>();
        var profileOptions = new java.util.ArrayList<>(profile.jmhOptions());
        profileOptions.addAll(List.of("-p", SweepProfile.LATENCY_PARAM + "=" + stubLatencyMillis));
        for (int i = 0; i + 1 < profileOptions.size(); i += 2) {
            String name = profileOptions.get(i);
            String value = profileOptions.get(i + 1);
            String key = name.equals("-p") ? "-p " + paramName(value) : name;
            if (!userOptions.contains(key)) {
                options.add(name);
                options.add(value);
            }
        }
        options.addAll(extraJmhOptions);
        return options;
    }

    private static String paramName(String assignment) {
        int equals = assignment.indexOf('=');
        return equals < 0 ? assignment : assignment.substring(0, equals);
    }

    /** The effective {@code -p} grid: parameter name to comma-separated values, the user's last. */
    public java.util.Map<String, String> params() {
        var params = new java.util.LinkedHashMap<String, String>();
        List<String> options = jmhOptions();
        for (int i = 0; i + 1 < options.size(); i++) {
            if (options.get(i).equals("-p")) {
                String assignment = options.get(i + 1);
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    params.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
            }
        }
        return params;
    }
}
