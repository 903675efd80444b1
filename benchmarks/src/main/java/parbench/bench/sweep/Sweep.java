package parbench.bench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.util.Version;
import parbench.workload.stub.StubCapacity;
import parbench.workload.stub.StubLoadDriver;

/**
 * One core-count sweep: the loop over core counts of a {@link SweepPlan} (made by the
 * {@link Planner}). It starts the Wikipedia stub when a point checks pages, then for each core count runs every
 * {@link CoreCountMeasurement} (the JMH side, {@link JmhMeasurement}, then the Python side,
 * {@link PythonMeasurement}) under that core count's {@link Pinning}, and records each one's entry in
 * {@code manifest.json}, rewritten after every step; JSON files appear only when complete.
 *
 * <p>With Python ({@code parbench run --with-python}, {@code parbench python}), the seed article's
 * Python runs right after each core count's JMH run, under the same CPUs and against the same stub:
 * interleaving per core count (rather than all Python at the end) keeps the two sides' measurements
 * of one core count close in time, so a machine whose load changes during a long sweep skews both
 * alike, and an interrupted sweep keeps matching pairs.
 *
 * <p>Thread-safety: {@link #run} is called once, from one thread; {@link #interrupt} may be
 * called from any other thread (a shutdown hook): it stops the running child process and its
 * descendants and waits until {@link #run} has recorded the interruption in the manifest.
 */
public final class Sweep {

    /** Exit status of a sweep whose every core count succeeded. */
    public static final int OK = 0;
    /** Exit status of a sweep in which a core count failed or was interrupted. */
    public static final int CORE_COUNT_FAILED = 1;

    private static final int CAPACITY_IN_FLIGHT = 256;
    /** A cold stub serves a tenth of its capacity until C2 has compiled Jetty, WireMock and OkHttp. */
    private static final Duration CAPACITY_WARMUP = Duration.ofSeconds(10);
    private static final Duration CAPACITY_WINDOW = Duration.ofSeconds(5);

    /** A side that has recorded its entry for a core count. */
    private record Measured(CoreCountMeasurement measurement, int cores) {}

    private final SweepSettings settings;
    private final SweepPlan plan;
    private final PrintStream console;
    /** The command the console lines name: {@code parbench run}, or {@code parbench python} for Python alone. */
    private final String prefix;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final ChildProcesses children = new ChildProcesses();
    private volatile StubProcess stub;
    /** The thread measuring the stub's capacity, while it does; guarded by {@link #probeLock}. */
    private Thread probing;
    private final Object probeLock = new Object();
    private final Optional<CpuTopology> topology = CpuTopology.read(CpuTopology.SYSFS);

    /** A sweep of {@code plan} ({@link Planner#plan(SweepSettings)} of the same settings). */
    public Sweep(SweepSettings settings, SweepPlan plan, PrintStream console) {
        this.settings = settings;
        this.plan = plan;
        this.console = console;
        this.prefix = commandName(settings);
    }

    /** How console lines name the command: {@code parbench run}, or {@code parbench python} for Python alone. */
    static String commandName(SweepSettings settings) {
        return settings.jvm() ? "parbench run" : "parbench python";
    }

    /**
     * Runs the sweep to its end or until {@link #interrupt}.
     *
     * @return {@link #OK} or {@link #CORE_COUNT_FAILED}
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

    /** Stops the sweep: the running child process and its descendants, then waits up to {@code wait} for the manifest. */
    public void interrupt(Duration wait) {
        children.interrupt();
        synchronized (probeLock) {
            if (probing != null) {
                probing.interrupt(); // the stub's capacity probe stops at once instead of running its 15 s
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
        Path dir = settings.runDirectory();
        Files.createDirectories(dir);
        announce(console, settings, plan);
        console.printf(prefix + ": writing %s%n", settings.runDirectory());

        RunManifest manifest = initialManifest(started, plan);
        writeManifest(manifest);
        if (plan.stub()) {
            RunManifest.Stub measuredStub = startStub();
            if (measuredStub != null) {
                manifest = manifest.withStub(measuredStub);
                writeManifest(manifest);
            }
        }
        List<Integer> counts = plan.counts();
        var progress = new SweepProgress(console, started, plan.points());
        List<CoreCountMeasurement> measurements = measurements(progress);
        Set<Measured> measured = new HashSet<>();
        int status = OK;
        for (int index = 0; index < counts.size() && !children.interrupted(); index++) {
            int cores = counts.get(index);
            Pinning pinning = Pinning.of(cores, settings.taskset(), topology);
            for (CoreCountMeasurement measurement : measurements) {
                if (children.interrupted()) {
                    break;
                }
                RunManifest.Entry entry = measurement.measure(pinning);
                manifest = manifest.with(entry);
                writeManifest(manifest);
                measured.add(new Measured(measurement, cores));
                if (!entry.status().equals("ok")) {
                    status = CORE_COUNT_FAILED;
                    console.printf(prefix + ": %s %s: %s%n", measurement.describe(cores), entry.status(),
                            entry.message());
                }
            }
        }
        if (children.interrupted()) {
            status = CORE_COUNT_FAILED;
            for (int cores : counts) {
                for (CoreCountMeasurement measurement : measurements) {
                    if (!measured.contains(new Measured(measurement, cores))) {
                        manifest = manifest.with(measurement.notStarted(cores,
                                "not started: the sweep was interrupted before it"));
                    }
                }
            }
        }
        writeManifest(manifest.finishedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        pointLatestLink();
        console.printf(prefix + ": finished in %s; run directory %s%n",
                SweepProgress.format(Duration.between(started, Instant.now())), dir);
        return status;
    }

    /** The sides measured at each core count, in order: JMH first, then Python. */
    private List<CoreCountMeasurement> measurements(SweepProgress progress) {
        var measurements = new ArrayList<CoreCountMeasurement>();
        StubProcess running = stub;
        if (settings.jvm()) {
            measurements.add(new JmhMeasurement(settings, plan, children, progress, stubArguments(running), prefix,
                    console));
        }
        for (int i = 0; i < settings.pythons().size(); i++) {
            measurements.add(new PythonMeasurement(settings, settings.pythons().get(i), plan.pythons().get(i), i == 0,
                    children, progress, running == null ? null : running.url()));
        }
        return measurements;
    }

    /** Prints the plan: profile, budget, core counts, points, estimate, what was dropped to fit. */
    static void announce(PrintStream console, SweepSettings settings, SweepPlan plan) {
        String name = commandName(settings);
        String budget = plan.budget() == null ? "no budget" : "budget " + SweepProgress.format(plan.budget());
        console.printf("%s: profile %s (%s), %d processor%s, core counts %s, %d points, estimated %s%n", name,
                plan.profile(), budget, plan.processors(), plan.processors() == 1 ? "" : "s",
                plan.counts().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                plan.points(), SweepProgress.format(plan.estimate()));
        if (settings.jvm()) {
            console.printf("%s: JMH options %s; parallelism = cores at every core count%s%n", name,
                    String.join(" ", settings.jmhOptions()), curve(plan));
        }
        for (PythonHarness.Plan python : plan.pythons()) {
            console.printf("%s: %s (%s, GIL %s) %s, %d Python points per core count in %d interpreter process%s%s%n",
                    name, python.label(), python.executable(),
                    python.interpreter() == null || python.interpreter().gilEnabled() ? "enabled" : "disabled",
                    python.libraries(), python.points(), plan.pythonForks(), plan.pythonForks() == 1 ? "" : "es",
                    settings.jvm() ? ", each core count after its JMH run" : "");
            python.skipped().forEach(line -> console.println(name + ": " + python.label() + ": " + line));
        }
        if (!plan.dropped().isEmpty()) {
            console.printf("%s: left out to fit the budget: %s%n", name, String.join(", ", plan.dropped()));
        }
        if (plan.overBudget()) {
            console.printf("%s: over budget: core counts 1 and N alone are estimated at %s%n", name,
                    SweepProgress.format(plan.estimate()));
        }
    }

    private static String curve(SweepPlan plan) {
        SweepPlan.CoreCount largest = plan.coreCounts().getLast();
        long extra = largest.runs().stream().filter(run -> run.params().containsKey("parallelism")
                && !run.params().get("parallelism").equals(List.of(String.valueOf(largest.cores())))).count();
        return extra == 0 ? "" : ", and a parallelism curve at " + largest.cores() + " (" + extra
                + (extra == 1 ? " run)" : " runs)");
    }

    private RunManifest.Stub startStub() throws IOException {
        int measured = plan.counts().getLast();
        // the CPUs no core count uses: those after the largest count's in the sweep's order
        List<Integer> spare = CpuAffinity.ofCurrentProcess()
                .map(affinity -> topology.map(t -> t.order(affinity)).orElse(affinity.cpus()))
                .map(order -> List.copyOf(order.subList(Math.min(measured, order.size()), order.size())))
                .orElse(List.of());
        List<Integer> pin = settings.taskset() ? spare : List.of();
        StubProcess started = StubProcess.start(settings.java(), settings.classpath(), settings.stubLatencyMillis(),
                pin, settings.runDirectory().resolve("stub.log"));
        stub = started;
        console.printf(prefix + ": Wikipedia stub at %s (pid %d, %s)%n", started.url(), started.pid(),
                pin.isEmpty() ? "unpinned: no CPU outside the measured ones" : "CPUs " + new CpuAffinity(pin).toList());
        StubCapacity capacity = measureCapacity(started.url());
        if (capacity == null) {
            return null; // interrupted during the probe: the sweep records the interruption
        }
        console.printf(prefix + ": stub capacity %s%n", capacity.summary());
        return new RunManifest.Stub("external", started.url(), settings.stubLatencyMillis(),
                capacity.requestsPerSecond(), pin.isEmpty() ? null : new CpuAffinity(pin).toList(),
                capacity.summary());
    }

    /**
     * Loads the stub from this JVM before any benchmark runs: its capacity, for the 25 % rule. Null
     * when {@link #interrupt} stopped it (the thread's interrupt flag is cleared again: the sweep
     * still writes its manifest, through interruptible channels).
     */
    private StubCapacity measureCapacity(String url) throws IOException {
        synchronized (probeLock) {
            probing = Thread.currentThread();
        }
        try {
            if (children.interrupted()) {
                return null;
            }
            return StubLoadDriver.measure(url, CAPACITY_IN_FLIGHT, CAPACITY_WARMUP, CAPACITY_WINDOW,
                    StubLoadDriver.DEFAULT_MAX_REQUESTS);
        } catch (InterruptedException e) {
            if (children.interrupted()) {
                return null;
            }
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while measuring the stub's capacity at " + url, e);
        } finally {
            synchronized (probeLock) {
                probing = null; // after this, interrupt() no longer interrupts this thread
            }
            if (children.interrupted()) {
                Thread.interrupted();
            }
        }
    }

    private List<String> stubArguments(StubProcess running) {
        if (running == null) {
            return List.of();
        }
        return List.of("-Dparbench.stub.url=" + running.url(),
                "-Dparbench.stub.latencyMillis=" + settings.stubLatencyMillis());
    }

    private RunManifest initialManifest(Instant started, SweepPlan plan) {
        Path repository = Path.of("").toAbsolutePath();
        PythonHarness.Plan python = plan.python();
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
                python == null ? null : new RunManifest.Python(python.python(), python.implementation(),
                        python.executable(), python.libraries(), List.of(),
                        plan.pythons().stream().map(PythonHarness.Plan::interpreter).filter(java.util.Objects::nonNull)
                                .toList()),
                topology());
    }

    /** The manifest's record of how CPUs were chosen, null without a topology or an affinity. */
    private RunManifest.Topology topology() {
        Optional<CpuAffinity> affinity = CpuAffinity.ofCurrentProcess();
        if (topology.isEmpty() || affinity.isEmpty()) {
            return null;
        }
        CpuTopology machine = topology.get();
        CpuAffinity allowed = affinity.get();
        CpuTopology.Choice all = machine.choose(allowed, allowed.size());
        return new RunManifest.Topology("sysfs", new CpuAffinity(machine.order(allowed)).toList(), all.physicalCores(),
                all.packages(), machine.secondPackageFrom(allowed).orElse(null),
                machine.smtSiblingsFrom(allowed).orElse(null));
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
}
