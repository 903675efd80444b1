package parbench.bench.jfr;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import joptsimple.OptionException;
import joptsimple.OptionParser;
import joptsimple.OptionSet;
import joptsimple.OptionSpec;
import jdk.jfr.Recording;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * A JMH profiler that records each fork's measured iterations with Java Flight Recorder and
 * reports a {@link JfrSummary} of them as secondary metrics ({@code jfr.cpusUsed},
 * {@code jfr.threadsStarted}, ...), so every reader of JMH JSON sees them as it sees
 * {@code -prof gc}'s. Use: {@code -prof parbench.bench.jfr.FlightRecorderProfiler:dir=DIR;threshold=10ms}
 * ({@code parbench run --jfr} passes it).
 *
 * <p>Why not JMH's own {@code -prof jfr} ({@code JavaFlightRecorderProfiler}, JMH 1.37): it starts and
 * stops the recording through {@code jcmd} (a process and an attach per fork), writes
 * {@code profile.jfr} once per params directory, so a second fork overwrites the first, and reports
 * a text line, not metrics. Nor {@code -XX:StartFlightRecording}: it records JVM start and warm-up
 * too. This one starts an in-process {@link Recording} of only the events the summary needs when
 * the first measurement iteration begins, stops it after the last, and marks the window with a
 * {@link MeasurementEvent}, so the summary is of the measured iterations only.
 *
 * <p>Each fork writes {@code <dir>/<Benchmark>.<method>-<k>_<v>-...-cores<n>-pid<pid>.jfr}. The forks'
 * disk repository (JFR's chunks while it records) is {@code <dir>/.repository}, removed by the host JVM
 * after each trial, so a fork that died mid-recording leaves nothing behind either. With {@code -f 0}
 * the recording runs in the host JVM itself, whose repository is JFR's default (under
 * {@code java.io.tmpdir}), which JFR removes when that JVM exits.
 *
 * <p>Thread-safety: JMH calls an instance from one thread at a time (its iteration thread).
 */
public final class FlightRecorderProfiler implements InternalProfiler, ExternalProfiler {

    /** Park and monitor-enter events shorter than this are not recorded (JFR's {@code profile} setting). */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(10);
    private static final Duration PERIOD = Duration.ofMillis(100);
    private static final String REPOSITORY = ".repository";

    private final Path dir;
    private final Duration threshold;
    private Recording recording;
    private MeasurementEvent window;
    private int measured;

    /**
     * @param initLine JMH's options for this profiler: {@code dir=DIR} (default {@code jfr}) and
     *     {@code threshold=DURATION} (e.g. {@code 10ms}, {@code 0ms}; default {@link #DEFAULT_THRESHOLD})
     * @throws ProfilerException naming a bad option
     */
    public FlightRecorderProfiler(String initLine) throws ProfilerException {
        var parser = new OptionParser();
        OptionSpec<String> dirOption = parser.accepts("dir", "Where the .jfr files go.")
                .withRequiredArg().ofType(String.class).describedAs("dir").defaultsTo("jfr");
        OptionSpec<String> thresholdOption = parser.accepts("threshold",
                        "Shortest park / monitor enter recorded, e.g. 10ms, 1ms, 0ms.")
                .withRequiredArg().ofType(String.class).describedAs("duration").defaultsTo("10ms");
        OptionSet set;
        try {
            set = parser.parse(initLine == null || initLine.isBlank() ? new String[0]
                    : Stream.of(initLine.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                            .map(s -> "--" + s).toArray(String[]::new));
        } catch (OptionException e) {
            throw new ProfilerException("jfr-summary: " + e.getMessage());
        }
        this.dir = Path.of(set.valueOf(dirOption)).toAbsolutePath();
        this.threshold = parseDuration(set.valueOf(thresholdOption));
    }

    static Duration parseDuration(String text) throws ProfilerException {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ns|us|ms|s)").matcher(text.strip());
        if (!m.matches()) {
            throw new ProfilerException("jfr-summary: threshold must be a whole number of ns, us, ms or s, not '"
                    + text + "'");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** The JFR settings of the recording: the summary's events only, sampled every 100 ms. */
    Map<String, String> settings() {
        var settings = new java.util.LinkedHashMap<String, String>();
        String period = PERIOD.toMillis() + " ms";
        String shortest = threshold.toNanos() + " ns";
        settings.put("jdk.CPULoad#enabled", "true");
        settings.put("jdk.CPULoad#period", period);
        settings.put("jdk.CPUInformation#enabled", "true");
        settings.put("jdk.CPUInformation#period", "beginChunk");
        settings.put("jdk.ThreadContextSwitchRate#enabled", "true");
        settings.put("jdk.ThreadContextSwitchRate#period", period);
        settings.put("jdk.ThreadStart#enabled", "true");
        settings.put("jdk.ThreadStart#stackTrace", "false");
        settings.put("jdk.ThreadPark#enabled", "true");
        settings.put("jdk.ThreadPark#threshold", shortest);
        settings.put("jdk.ThreadPark#stackTrace", "false");
        settings.put("jdk.JavaMonitorEnter#enabled", "true");
        settings.put("jdk.JavaMonitorEnter#threshold", shortest);
        settings.put("jdk.JavaMonitorEnter#stackTrace", "false");
        settings.put("jdk.VirtualThreadPinned#enabled", "true");
        settings.put("jdk.VirtualThreadPinned#threshold", "0 ns");
        settings.put("jdk.VirtualThreadPinned#stackTrace", "false");
        settings.put("jdk.VirtualThreadSubmitFailed#enabled", "true");
        settings.put("jdk.VirtualThreadSubmitFailed#stackTrace", "false");
        settings.put("jdk.GarbageCollection#enabled", "true");
        settings.put("jdk.ObjectAllocationSample#enabled", "true");
        settings.put("jdk.ObjectAllocationSample#stackTrace", "false");
        settings.put(MeasurementEvent.NAME + "#enabled", "true");
        return settings;
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            return;
        }
        if (recording == null) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("creating the JFR directory " + dir, e);
            }
            recording = new Recording(settings());
            recording.setName("parbench " + benchmarkParams.id());
            recording.setToDisk(true);
            recording.start();
            measured = 0;
        }
        window = new MeasurementEvent();
        window.benchmark = benchmarkParams.getBenchmark();
        window.params = params(benchmarkParams, ",", "=");
        window.iteration = measured + 1;
        window.availableProcessors = Runtime.getRuntime().availableProcessors();
        window.begin();
    }

    /**
     * Ends the iteration's window and returns its summary: JMH keeps secondary metrics per iteration
     * (and fills an iteration without them with zeros), so every measured iteration reports its own.
     * A running recording is dumped to a scratch file to be read, outside the measured time; after
     * the last iteration the recording stops and its file is the fork's {@code .jfr}.
     */
    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        if (iterationParams.getType() != IterationType.MEASUREMENT || window == null) {
            return List.of();
        }
        window.operations = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        window.end();
        window.commit();
        window = null;
        measured++;
        boolean last = measured >= iterationParams.getCount();
        Path file = dir.resolve(fileName(benchmarkParams));
        Path read = last ? file : dir.resolve("." + file.getFileName() + ".part");
        try {
            if (last) {
                recording.stop();
            }
            recording.dump(read);
            return results(JfrSummary.read(read));
        } catch (IOException e) {
            throw new UncheckedIOException("recording " + benchmarkParams.getBenchmark() + " with JFR into " + read, e);
        } finally {
            if (last) {
                recording.close();
                recording = null;
            } else {
                try {
                    Files.deleteIfExists(read);
                } catch (IOException e) {
                    throw new UncheckedIOException("removing the scratch recording " + read, e);
                }
            }
        }
    }

    private static List<ScalarResult> results(JfrSummary summary) {
        return summary.figures().stream()
                .map(f -> new ScalarResult(f.label(), f.value(), f.unit(), AggregationPolicy.AVG))
                .toList();
    }

    /** {@code CpuBenchmark.batch-model_fixed-pool-parallelism_2-...-cores2-pid123.jfr} */
    static String fileName(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        String[] parts = benchmark.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
        String keys = params(params, "-", "_");
        return (shortName + (keys.isEmpty() ? "" : "-" + keys) + "-cores" + Runtime.getRuntime().availableProcessors()
                + "-pid" + ProcessHandle.current().pid() + ".jfr").replaceAll("[^A-Za-z0-9._=,-]", "_");
    }

    private static String params(BenchmarkParams params, String between, String within) {
        return params.getParamsKeys().stream().sorted().map(k -> k + within + params.getParam(k))
                .collect(Collectors.joining(between));
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    /** The forks' JFR repository (chunks written while recording) goes into {@code dir}, where {@link #afterTrial} removes it. */
    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return List.of("-XX:FlightRecorderOptions:repository=" + dir.resolve(REPOSITORY));
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
    }

    /** In the host JVM after each trial: removes the repository its forks left (a fork that died mid-recording too). */
    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        try {
            deleteTree(dir.resolve(REPOSITORY));
        } catch (IOException e) {
            throw new UncheckedIOException("removing the JFR repository " + dir.resolve(REPOSITORY), e);
        }
        return List.of();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "JFR of each fork's measured iterations, summarised as jfr.* secondary metrics (parbench)";
    }
}
