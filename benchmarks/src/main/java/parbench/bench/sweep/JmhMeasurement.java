package parbench.bench.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The JMH side of one core count: a fresh JMH JVM pinned with {@code taskset} to the core count's
 * CPUs and started with {@code -XX:ActiveProcessorCount} (passed to its forks too), first running
 * {@link ProcessorProbeBenchmark} to record what the forks really saw, then the selected
 * benchmarks, into {@code cores-<c>.json} (published only when complete) and {@code jmh-cores-<c>.log}.
 *
 * <p>Thread-safety: used from the sweep's thread only.
 */
final class JmhMeasurement implements CoreCountMeasurement {

    static final String PROBE = "parbench.bench.sweep.ProcessorProbeBenchmark";
    /** What ProcessWorkerPool prints on stderr while a task runs long; copied to the console. */
    static final String WAITING_ON_WORKER = "parbench: waiting on worker pid ";
    /** How many failed points the manifest's message names; {@code failedPoints} holds them all. */
    private static final int NAMED_FAILURES = 3;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final List<String> PROBE_OPTIONS = List.of("-f", "1", "-wi", "0", "-i", "1", "-r", "10ms");

    private final SweepSettings settings;
    private final SweepPlan plan;
    private final ChildProcesses children;
    private final SweepProgress progress;
    private final List<String> stubArguments;
    private final String commandName;
    private final java.io.PrintStream console;

    /**
     * @param stubArguments the {@code -D} flags that point benchmark JVMs at the sweep's stub, or none
     * @param commandName how console lines name the command, e.g. {@code parbench run}
     */
    JmhMeasurement(SweepSettings settings, SweepPlan plan, ChildProcesses children, SweepProgress progress,
            List<String> stubArguments, String commandName, java.io.PrintStream console) {
        this.settings = settings;
        this.plan = plan;
        this.children = children;
        this.progress = progress;
        this.stubArguments = List.copyOf(stubArguments);
        this.commandName = commandName;
        this.console = console;
    }

    @Override
    public RunManifest.CoreCount measure(Pinning pinning) throws IOException {
        int cores = pinning.cores();
        var jvmArgs = new ArrayList<String>();
        jvmArgs.add("-XX:ActiveProcessorCount=" + cores);
        jvmArgs.addAll(stubArguments);
        var launcher = new ArrayList<>(pinning.taskset());
        // the JMH JVM gets the flags too: it runs the benchmarks itself under -f 0 (smoke)
        launcher.add(settings.java().toString());
        launcher.addAll(jvmArgs);
        // under ParentWatch: if this JVM dies (even by SIGKILL) the JMH JVM and its forks die with it
        launcher.addAll(List.of("-cp", settings.classpath(), ParentWatch.class.getName(), "org.openjdk.jmh.Main"));
        String logName = "jmh-cores-" + cores + ".log";
        String resultName = "cores-" + cores + ".json";
        Path result = settings.runDirectory().resolve(resultName);
        Path partial = AtomicFile.partial(result);
        Files.deleteIfExists(partial);

        var failedRuns = new ArrayList<String>();
        boolean written;
        JmhProgress probe = new JmhProgress();
        JmhProgress points = new JmhProgress();
        List<JmhRun> runs = plan.coreCount(cores).runs();
        var parts = new ArrayList<Path>();
        try (Writer log = Files.newBufferedWriter(settings.runDirectory().resolve(logName), StandardCharsets.UTF_8)) {
            var probeCommand = new ArrayList<>(launcher);
            probeCommand.add("^" + PROBE.replace(".", "\\.") + "\\.");
            probeCommand.addAll(PROBE_OPTIONS);
            probeCommand.addAll(List.of("-jvmArgsAppend", String.join(" ", jvmArgs)));
            int probeExit = children.run(probeCommand, log, false, probe::accept, line -> { });
            if (probeExit != 0 && !children.interrupted()) {
                // a benchmark jar without the probe still runs; jvmProcessors then comes from the
                // benchmarks' own output if they print it, else stays null (not verified)
                console.printf(commandName + ": the processor probe failed (status %d, see %s); running on%n",
                        probeExit, logName);
            }
            for (int k = 0; k < runs.size() && !children.interrupted(); k++) {
                Path part = settings.runDirectory().resolve("." + resultName + "." + k + ".partial");
                Files.deleteIfExists(part);
                parts.add(part);
                var command = new ArrayList<>(launcher);
                command.addAll(runs.get(k).options());
                command.addAll(settings.jmhOptions());
                command.addAll(List.of("-rf", "json", "-rff", part.toString(),
                        "-jvmArgsAppend", String.join(" ", jvmArgs)));
                int exit = children.run(command, log, false, line -> {
                    if (line.contains(WAITING_ON_WORKER)) {
                        // a process-workers task that runs long: said at once, not only when it times out
                        console.println("  [" + cores + (cores == 1 ? " core ] " : " cores] ") + line.strip());
                    }
                    return points.accept(line);
                }, point -> progress.point(cores, point));
                if (exit != 0 && !children.interrupted()) {
                    failedRuns.add("JMH exited with status " + exit + " running "
                            + Planner.shortName(runs.get(k).benchmark()));
                }
            }
            // a run that failed keeps the results of the others: a failure never becomes a missing row
            written = !children.interrupted() && merge(parts, partial);
        } finally {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
        Optional<JmhProgress.Seen> seen = probe.seen().or(points::seen);
        List<JmhProgress.LostPoint> lost = points.lost();
        var problems = new ArrayList<>(failedRuns);
        if (!lost.isEmpty()) {
            problems.add(describe(lost, points.startedPoints()));
        }
        String status;
        String message = null;
        String resultFile = null;
        if (children.interrupted()) {
            status = "interrupted";
            message = "stopped by a signal; partial output in " + logName;
            Files.deleteIfExists(partial);
        } else if (written) {
            String unpublished = publish(partial, result);
            if (unpublished != null) {
                // the merged result does not parse back (a full disk truncated it): nothing is published
                status = "failed";
                problems.add(unpublished);
                message = String.join("; ", problems) + "; see " + logName;
            } else {
                resultFile = resultName;
                status = problems.isEmpty() ? "ok" : "failed";
                if (!problems.isEmpty()) {
                    message = String.join("; ", problems) + "; the other points are in " + resultName + "; see "
                            + logName;
                }
            }
        } else {
            status = "failed";
            problems.add(runs.isEmpty() ? "nothing to run" : "JMH wrote no results");
            message = String.join("; ", problems) + "; see " + logName;
            Files.deleteIfExists(partial);
        }
        CpuTopology.Choice choice = pinning.choice();
        List<RunManifest.FailedPoint> failed = lost.stream()
                .map(point -> new RunManifest.FailedPoint(point.benchmark(), point.params(), point.error()))
                .toList();
        return new RunManifest.CoreCount(cores, pinning.enforcement("active-processor-count-only"),
                pinning.pinned() ? pinning.cpuList() : null, seen.map(JmhProgress.Seen::processors).orElse(null),
                seen.map(JmhProgress.Seen::cpus).orElse(null), status, resultFile, logName, message, jvmArgs, failed,
                choice == null ? null : choice.physicalCores(), choice == null ? null : choice.packages(),
                choice == null ? null : choice.smtSiblings());
    }

    /**
     * Writes the JMH results of every run ({@code parts}, JSON arrays; a run that wrote nothing
     * contributes nothing) as one array to {@code target}, the core count's file before publishing.
     *
     * @return whether any run wrote results (else {@code target} is not written)
     */
    private static boolean merge(List<Path> parts, Path target) throws IOException {
        var merged = JSON.createArrayNode();
        boolean any = false;
        for (Path part : parts) {
            if (Files.isRegularFile(part) && Files.size(part) > 0) {
                any = true;
                try {
                    JSON.readTree(part.toFile()).forEach(merged::add);
                } catch (IOException e) {
                    throw new IOException("reading JMH's results " + part, e);
                }
            }
        }
        if (any) {
            Files.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged));
        }
        return any;
    }

    /** Publishes JMH's result file under {@link AtomicFile}'s checks; the reason when it cannot, else null. */
    private static String publish(Path partial, Path result) {
        try {
            AtomicFile.publishJson(partial, result);
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** {@code 2 of 10 points failed: A (p=1): error; B (p=2): error}, naming at most three. */
    static String describe(List<JmhProgress.LostPoint> lost, int started) {
        int named = Math.min(NAMED_FAILURES, lost.size());
        var text = new StringBuilder().append(lost.size()).append(" of ").append(started)
                .append(started == 1 ? " point" : " points").append(" failed: ");
        for (int i = 0; i < named; i++) {
            text.append(i == 0 ? "" : "; ").append(lost.get(i));
        }
        if (lost.size() > named) {
            text.append("; and ").append(lost.size() - named).append(" more (failedPoints)");
        }
        return text.toString();
    }

    @Override
    public RunManifest.CoreCount notStarted(int cores, String message) {
        return new RunManifest.CoreCount(cores, null, null, null, null, "interrupted", null, null, message, List.of(),
                List.of(), null, null, null);
    }

    @Override
    public String describe(int cores) {
        return cores + " core" + (cores == 1 ? "" : "s");
    }
}
