package parbench.bench.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.util.Version;
import parbench.workload.stub.StubCapacity;
import parbench.workload.stub.StubLoadDriver;

/**
 * One core-count sweep: for each core count, a fresh JMH JVM pinned with {@code taskset} to that
 * many CPUs and started with {@code -XX:ActiveProcessorCount} (passed to its forks too), first
 * running {@link ProcessorProbeBenchmark} to record what the forks really saw, then the selected
 * benchmarks. Writes {@code cores-<c>.json}, {@code jmh-cores-<c>.log} and {@code manifest.json}
 * (rewritten after every core count) into the run directory; JSON files appear only when complete.
 *
 * <p>With a {@link PythonHarness} ({@code parbench run --with-python}, {@code parbench python}), the
 * seed article's Python runs right after each core count's JMH run, under the same {@code taskset}
 * CPUs and against the same stub, into {@code python-cores-<c>.json} and {@code python-cores-<c>.log}:
 * interleaving per core count (rather than all Python at the end) keeps the two sides' measurements
 * of one core count close in time, so a machine whose load changes during a long sweep skews both
 * alike, and an interrupted sweep keeps matching pairs. The manifest's {@code python} records the
 * interpreter and each core count's status.
 *
 * <p>Thread-safety: {@link #run} is called once, from one thread; {@link #interrupt} may be
 * called from any other thread (a shutdown hook): it stops the running JMH JVM and its
 * descendants and waits until {@link #run} has recorded the interruption in the manifest.
 */
public final class Sweep {

    /** Exit status of a sweep whose every core count succeeded. */
    public static final int OK = 0;
    /** Exit status of a sweep in which a core count failed or was interrupted. */
    public static final int CORE_COUNT_FAILED = 1;

    private static final String PROBE = "parbench.bench.sweep.ProcessorProbeBenchmark";
    private static final int SIGINT_EXIT = 128 + 2;
    private static final int SIGTERM_EXIT = 128 + 15;
    private static final int CAPACITY_IN_FLIGHT = 256;
    /** A cold stub serves a tenth of its capacity until C2 has compiled Jetty, WireMock and OkHttp. */
    private static final Duration CAPACITY_WARMUP = Duration.ofSeconds(10);
    private static final Duration CAPACITY_WINDOW = Duration.ofSeconds(5);
    /** What a Python harness costs beyond its iterations (interpreter, imports, pools), for estimates only. */
    private static final Duration PYTHON_START = Duration.ofSeconds(3);
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final List<String> PROBE_OPTIONS = List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "10ms");

    private final SweepSettings settings;
    private final PrintStream console;
    /** The command the console lines name: {@code parbench run}, or {@code parbench python} for Python alone. */
    private final String prefix;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile Process current;
    /** Whether {@link #current} leads its own process group (the Python harness under setsid). */
    private volatile boolean currentLeadsGroup;
    private volatile StubProcess stub;
    private Instant sweepStarted;
    private int plannedPoints;
    private int finishedInCoreCount;
    private PythonHarness.Plan pythonPlan;

    /** How one core count is held to its CPUs, for the JMH JVM and the Python harness alike. */
    private record Pinning(boolean pinned, String cpuList) {
        String enforcement(String unpinned) {
            return pinned ? "taskset" : unpinned;
        }
    }

    public Sweep(SweepSettings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
        this.prefix = settings.jvm() ? "parbench run" : "parbench python";
    }

    /**
     * Runs the sweep to its end or until {@link #interrupt}.
     *
     * @return {@link #OK} or {@link #CORE_COUNT_FAILED}
     * @throws IllegalArgumentException when the include regex selects no benchmark
     * @throws IOException naming the file or command that failed
     */
    public int run() throws IOException {
        try {
            return sweep();
        } finally {
            StubProcess running = stub;
            if (running != null) {
                running.close();
            }
            finished.countDown();
        }
    }

    /** Stops the sweep: the running JMH JVM and its forks, then waits up to {@code wait} for the manifest. */
    public void interrupt(Duration wait) {
        interrupted = true;
        Process running = current;
        if (running != null) {
            if (currentLeadsGroup) {
                ProcessTree.destroyGroup(running);
            } else {
                ProcessTree.destroy(running);
            }
        }
        try {
            finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int sweep() throws IOException {
        Instant started = Instant.now();
        sweepStarted = started;
        Path dir = settings.runDirectory();
        List<String> selection = selection();
        BenchmarkList benchmarks = null;
        int points = 0;
        Duration perCoreCount = Duration.ZERO;
        if (settings.jvm()) {
            benchmarks = BenchmarkList.list(settings, selection);
            if (benchmarks.benchmarks().isEmpty()) {
                throw new IllegalArgumentException("no benchmark matches --include '" + settings.include() + "'");
            }
            points = benchmarks.points(settings.params());
            perCoreCount = settings.profile().estimate(points).plus(SweepProfile.FORK_OVERHEAD.multipliedBy(2));
        }
        if (settings.python() != null) {
            pythonPlan = pythonPlan();
            perCoreCount = perCoreCount.plus(Duration.ofMillis((long) (pythonPlan.estimatedSeconds() * 1000)))
                    .plus(PYTHON_START);
        }
        Files.createDirectories(dir);
        int pythonPoints = pythonPlan == null ? 0 : pythonPlan.points();
        plannedPoints = points + pythonPoints;
        Duration estimate = perCoreCount.multipliedBy(settings.cores().counts().size());
        if (settings.jvm()) {
            console.printf(prefix + ": profile %s, cores %s, %d benchmarks, %d points per core count, estimated %s%n",
                    settings.profile().profileName(), settings.cores(), benchmarks.benchmarks().size(),
                    plannedPoints, format(estimate));
            console.printf(prefix + ": JMH options %s%n", String.join(" ", settings.jmhOptions()));
        } else {
            console.printf(prefix + ": profile %s, cores %s, %d points per core count, estimated %s%n",
                    settings.profile().profileName(), settings.cores(), plannedPoints, format(estimate));
        }
        if (pythonPlan != null) {
            console.printf(prefix + ": %s %s %s, %d Python points per core count%s%n",
                    pythonPlan.implementation(), pythonPlan.python(), pythonPlan.libraries(), pythonPoints,
                    settings.jvm() ? ", each core count after its JMH run" : "");
        }
        console.printf(prefix + ": writing %s%n", dir);

        RunManifest manifest = initialManifest(started);
        writeManifest(manifest);
        boolean jvmChecksPages = benchmarks != null && benchmarks.anyNamed("WikiBenchmark");
        if (jvmChecksPages || (pythonPlan != null && pythonPlan.wiki())) {
            manifest = manifest.withStub(startStub());
            writeManifest(manifest);
        }
        List<String> stubArgs = stubArguments();
        int status = OK;
        List<Integer> counts = settings.cores().counts();
        for (int index = 0; index < counts.size() && !interrupted; index++) {
            int cores = counts.get(index);
            finishedInCoreCount = 0;
            Pinning pinning = pinning(cores);
            if (settings.jvm()) {
                var entry = runCoreCount(cores, index, pinning, stubArgs, selection);
                manifest = manifest.with(entry);
                writeManifest(manifest);
                if (!entry.status().equals("ok")) {
                    status = CORE_COUNT_FAILED;
                    console.printf(prefix + ": %d core%s %s: %s%n", entry.cores(), entry.cores() == 1 ? "" : "s",
                            entry.status(), entry.message());
                }
            }
            if (settings.python() != null && !interrupted) {
                var entry = runPython(cores, index, pinning);
                manifest = manifest.withPython(manifest.python().with(entry));
                writeManifest(manifest);
                if (!entry.status().equals("ok")) {
                    status = CORE_COUNT_FAILED;
                    console.printf(prefix + ": Python at %d core%s %s: %s%n", entry.cores(),
                            entry.cores() == 1 ? "" : "s", entry.status(), entry.message());
                }
            }
        }
        if (interrupted) {
            status = CORE_COUNT_FAILED;
            String notStarted = "not started: the sweep was interrupted before it";
            for (int cores : counts) {
                if (settings.jvm() && manifest.coreCounts().stream().noneMatch(entry -> entry.cores() == cores)) {
                    manifest = manifest.with(new RunManifest.CoreCount(cores, null, null, null, null, "interrupted",
                            null, null, notStarted, List.of()));
                }
                if (manifest.python() != null
                        && manifest.python().coreCounts().stream().noneMatch(entry -> entry.cores() == cores)) {
                    manifest = manifest.withPython(manifest.python().with(new RunManifest.PythonCoreCount(cores, null,
                            null, "interrupted", null, null, notStarted)));
                }
            }
        }
        writeManifest(manifest.finishedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        pointLatestLink();
        console.printf(prefix + ": finished in %s; run directory %s%n",
                format(Duration.between(started, Instant.now())), dir);
        return status;
    }

    private List<String> selection() {
        var selection = new ArrayList<String>();
        selection.add(settings.include());
        if (!settings.include().contains("ProcessorProbe")) {
            selection.addAll(List.of("-e", PROBE));
        }
        return selection;
    }

    /** The first {@code cores} CPUs of this process, and whether {@code taskset} can hold a process to them. */
    private Pinning pinning(int cores) {
        Optional<CpuAffinity> machine = CpuAffinity.ofCurrentProcess();
        String cpuList = machine.map(affinity -> affinity.first(cores).toList()).orElse(null);
        return new Pinning(settings.taskset() && cpuList != null && tasksetWorks(cpuList), cpuList);
    }

    private RunManifest.CoreCount runCoreCount(int cores, int index, Pinning pinning, List<String> stubArgs,
            List<String> selection) throws IOException {
        boolean pinned = pinning.pinned();
        String cpuList = pinning.cpuList();
        var jvmArgs = new ArrayList<String>();
        jvmArgs.add("-XX:ActiveProcessorCount=" + cores);
        jvmArgs.addAll(stubArgs);
        var prefix = new ArrayList<String>();
        if (pinned) {
            prefix.addAll(List.of("taskset", "-c", cpuList));
        }
        // the JMH JVM gets the flags too: it runs the benchmarks itself under -f 0 (smoke)
        prefix.add(settings.java().toString());
        prefix.addAll(jvmArgs);
        prefix.addAll(List.of("-cp", settings.classpath(), "org.openjdk.jmh.Main"));
        String logName = "jmh-cores-" + cores + ".log";
        String resultName = "cores-" + cores + ".json";
        Path result = settings.runDirectory().resolve(resultName);
        Path partial = AtomicFile.partial(result);
        Files.deleteIfExists(partial);

        int exit;
        JmhProgress probe = new JmhProgress();
        JmhProgress progress = new JmhProgress();
        try (Writer log = Files.newBufferedWriter(settings.runDirectory().resolve(logName), StandardCharsets.UTF_8)) {
            var probeCommand = new ArrayList<>(prefix);
            probeCommand.add("^" + PROBE.replace(".", "\\.") + "\\.");
            probeCommand.addAll(PROBE_OPTIONS);
            probeCommand.addAll(List.of("-jvmArgsAppend", String.join(" ", jvmArgs)));
            int probeExit = execute(probeCommand, log, probe::accept, line -> { });
            if (probeExit != 0 && !interrupted) {
                // a benchmark jar without the probe still runs; jvmProcessors then comes from the
                // benchmarks' own output if they print it, else stays null (not verified)
                console.printf(prefix + ": the processor probe failed (status %d, see %s); running on%n",
                        probeExit, logName);
            }
            exit = probeExit;
            if (!interrupted) {
                var command = new ArrayList<>(prefix);
                command.addAll(selection);
                command.addAll(settings.jmhOptions());
                command.addAll(List.of("-rf", "json", "-rff", partial.toString(),
                        "-jvmArgsAppend", String.join(" ", jvmArgs)));
                exit = execute(command, log, progress::accept, point -> printPoint(cores, index, point));
            }
        }
        if (exit == SIGINT_EXIT || exit == SIGTERM_EXIT) {
            // Ctrl-C reaches the whole foreground process group: JMH may die of it before our hook runs
            interrupted = true;
        }
        Optional<JmhProgress.Seen> seen = probe.seen().or(progress::seen);
        String status;
        String message = null;
        String resultFile = null;
        if (interrupted) {
            status = "interrupted";
            message = "stopped by a signal; partial output in " + logName;
            Files.deleteIfExists(partial);
        } else if (exit == 0 && Files.isRegularFile(partial)) {
            AtomicFile.publish(partial, result);
            status = "ok";
            resultFile = resultName;
        } else {
            status = "failed";
            message = "JMH exited with status " + exit + "; see " + logName;
            Files.deleteIfExists(partial);
        }
        return new RunManifest.CoreCount(cores, pinned ? "taskset" : "active-processor-count-only",
                pinned ? cpuList : null, seen.map(JmhProgress.Seen::processors).orElse(null),
                seen.map(JmhProgress.Seen::cpus).orElse(null), status, resultFile, logName, message, jvmArgs);
    }

    /**
     * Runs the Python harness for one core count under the same CPUs as its JMH run. Its exit status
     * says how it ended: 0 every point, 1 a point failed (the others are in the JSON), 2 it refused
     * its arguments, 130/143 a signal (it writes what finished). Its worker processes are its
     * descendants, so {@link #interrupt} stops them with it.
     */
    private RunManifest.PythonCoreCount runPython(int cores, int index, Pinning pinning) throws IOException {
        var command = new ArrayList<String>();
        // its own process group, so a pool worker forked while the harness dies is still found and stopped
        boolean ownGroup = Files.isExecutable(SETSID);
        if (ownGroup) {
            command.add(SETSID.toString());
        }
        if (pinning.pinned()) {
            command.addAll(List.of("taskset", "-c", pinning.cpuList()));
        }
        StubProcess running = stub;
        command.addAll(settings.python().command(settings.profile().profileName(), settings.pythonInclude(), cores,
                settings.runDirectory(), running == null ? null : running.url(), settings.stubLatencyMillis()));
        String logName = "python-cores-" + cores + ".log";
        String resultName = "python-cores-" + cores + ".json";
        int exit;
        try (Writer log = Files.newBufferedWriter(settings.runDirectory().resolve(logName), StandardCharsets.UTF_8)) {
            currentLeadsGroup = ownGroup;
            try {
                exit = execute(command, log, PythonProgress::point, point -> printPoint(cores, index, point));
            } finally {
                currentLeadsGroup = false;
            }
        }
        if (exit == SIGINT_EXIT || exit == SIGTERM_EXIT) {
            interrupted = true;
        }
        boolean written = Files.isRegularFile(settings.runDirectory().resolve(resultName));
        String status;
        String message = null;
        if (interrupted) {
            status = "interrupted";
            message = "stopped by a signal; see " + logName;
        } else if (exit == 0 && written) {
            status = "ok";
        } else {
            status = "failed";
            message = (exit == 1 ? "a point failed (the others are kept)" : "the harness exited with status " + exit)
                    + "; see " + logName;
        }
        return new RunManifest.PythonCoreCount(cores, pinning.enforcement("sched-setaffinity"),
                pinning.pinned() ? pinning.cpuList() : null, status, written ? resultName : null, logName, message);
    }

    /** One console line per finished point, JMH's or Python's, with the sweep's overall progress. */
    private void printPoint(int cores, int index, Object point) {
        console.printf("  [%d core%s] %s   (%s)%n", cores, cores == 1 ? " " : "s", point,
                overall(index, ++finishedInCoreCount, Duration.between(sweepStarted, Instant.now())));
    }

    private PythonHarness.Plan pythonPlan() throws IOException {
        PythonHarness.Plan plan;
        try {
            plan = settings.python().plan(settings.profile().profileName(), settings.pythonInclude());
        } catch (PythonHarness.UnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (plan.points() == 0) {
            throw new IllegalArgumentException("no Python point matches --include '" + settings.include() + "'");
        }
        return plan;
    }

    /** Runs one JMH JVM or Python harness, copying its output to {@code log} and reporting finished points. */
    private <P> int execute(List<String> command, Writer log, java.util.function.Function<String, Optional<P>> progress,
            java.util.function.Consumer<P> onPoint) throws IOException {
        log.write("# parbench: " + String.join(" ", command) + "\n");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        current = process;
        if (currentLeadsGroup) {
            // when the leader is gone, so is its group: a leftover worker would hold the output pipe open
            process.onExit().thenRun(() -> ProcessTree.killGroup(process.pid()));
        }
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            if (interrupted) {
                ProcessTree.destroy(process);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                progress.apply(line).ifPresent(onPoint);
            }
            log.flush();
            return process.waitFor();
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            Thread.currentThread().interrupt();
            interrupted = true;
            return -1;
        } finally {
            current = null;
        }
    }

    /**
     * Overall progress after a finished point: core counts done plus this one's share of points,
     * and an ETA extrapolated from the time spent so far (the plan's estimate before any point).
     */
    private String overall(int index, int finishedPoints, Duration elapsed) {
        int total = settings.cores().counts().size();
        double within = Math.min(1.0, finishedPoints / (double) Math.max(1, plannedPoints));
        double fraction = (index + within) / total;
        Duration eta = fraction > 0
                ? Duration.ofMillis((long) (elapsed.toMillis() * (1 - fraction) / fraction))
                : Duration.ZERO;
        return String.format("sweep %3.0f%%, ETA %s", fraction * 100, format(eta));
    }

    private static boolean tasksetWorks(String cpuList) {
        try {
            Process check = new ProcessBuilder("taskset", "-c", cpuList, "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false; // no taskset: recorded as active-processor-count-only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private RunManifest.Stub startStub() throws IOException {
        int measured = settings.cores().counts().getLast();
        List<Integer> spare = CpuAffinity.ofCurrentProcess()
                .map(affinity -> affinity.after(Math.min(measured, affinity.size())).cpus())
                .orElse(List.of());
        List<Integer> pin = settings.taskset() ? spare : List.of();
        StubProcess started = StubProcess.start(settings.java(), settings.classpath(), settings.stubLatencyMillis(),
                pin, settings.runDirectory().resolve("stub.log"));
        stub = started;
        console.printf(prefix + ": Wikipedia stub at %s (pid %d, %s)%n", started.url(), started.pid(),
                pin.isEmpty() ? "unpinned: no CPU outside the measured ones" : "CPUs " + new CpuAffinity(pin).toList());
        StubCapacity capacity = measureCapacity(started.url());
        console.printf(prefix + ": stub capacity %s%n", capacity.summary());
        return new RunManifest.Stub("external", started.url(), settings.stubLatencyMillis(),
                capacity.requestsPerSecond(), pin.isEmpty() ? null : new CpuAffinity(pin).toList(),
                capacity.summary());
    }

    /** Loads the stub from this JVM before any benchmark runs: its capacity, for the 25 % rule. */
    private static StubCapacity measureCapacity(String url) throws IOException {
        try {
            return StubLoadDriver.measure(url, CAPACITY_IN_FLIGHT, CAPACITY_WARMUP, CAPACITY_WINDOW,
                    StubLoadDriver.DEFAULT_MAX_REQUESTS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring the stub's capacity at " + url, e);
        }
    }

    private List<String> stubArguments() {
        StubProcess running = stub;
        if (running == null) {
            return List.of();
        }
        return List.of("-Dparbench.stub.url=" + running.url(),
                "-Dparbench.stub.latencyMillis=" + settings.stubLatencyMillis());
    }

    private RunManifest initialManifest(Instant started) {
        Path repository = Path.of("").toAbsolutePath();
        return new RunManifest(
                Optional.ofNullable(Sweep.class.getPackage().getImplementationVersion()).orElse("0.1.0-SNAPSHOT"),
                MachineFacts.git(repository),
                started.truncatedTo(ChronoUnit.SECONDS).toString(),
                null,
                MachineFacts.host(),
                MachineFacts.os(),
                MachineFacts.cpu(),
                MachineFacts.memoryBytes(),
                MachineFacts.jdk(),
                List.of("-XX:ActiveProcessorCount=<cores>"),
                Version.getPlainVersion(),
                settings.profile().profileName(),
                new RunManifest.Parameters(settings.include(), settings.jmhOptions()),
                RunManifest.Stub.none(),
                List.of(),
                pythonPlan == null ? null : new RunManifest.Python(pythonPlan.python(), pythonPlan.implementation(),
                        pythonPlan.executable(), pythonPlan.libraries(), List.of()));
    }

    private void writeManifest(RunManifest manifest) throws IOException {
        manifest.write(settings.runDirectory().resolve("manifest.json"));
    }

    private void pointLatestLink() throws IOException {
        Path link = settings.latestLink();
        if (link == null) {
            return;
        }
        Path temp = link.resolveSibling(".latest.partial");
        Files.deleteIfExists(temp);
        Files.createSymbolicLink(temp, link.getParent().relativize(settings.runDirectory().toAbsolutePath()));
        AtomicFile.publish(temp, link);
    }

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
