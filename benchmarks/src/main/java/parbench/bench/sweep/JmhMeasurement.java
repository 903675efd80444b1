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
        launcher.addAll(List.of("-cp", settings.classpath(), "org.openjdk.jmh.Main"));
        String logName = "jmh-cores-" + cores + ".log";
        String resultName = "cores-" + cores + ".json";
        Path result = settings.runDirectory().resolve(resultName);
        Path partial = AtomicFile.partial(result);
        Files.deleteIfExists(partial);

        int exit;
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
            exit = 0;
            for (int k = 0; k < runs.size() && !children.interrupted(); k++) {
                Path part = settings.runDirectory().resolve("." + resultName + "." + k + ".partial");
                Files.deleteIfExists(part);
                parts.add(part);
                var command = new ArrayList<>(launcher);
                command.addAll(runs.get(k).options());
                command.addAll(settings.jmhOptions());
                command.addAll(List.of("-rf", "json", "-rff", part.toString(),
                        "-jvmArgsAppend", String.join(" ", jvmArgs)));
                int runExit = children.run(command, log, false, points::accept, point -> progress.point(cores, point));
                if (runExit != 0 && exit == 0) {
                    exit = runExit;
                }
            }
            if (!children.interrupted() && exit == 0) {
                merge(parts, partial);
            }
        } finally {
            for (Path part : parts) {
                Files.deleteIfExists(part);
            }
        }
        Optional<JmhProgress.Seen> seen = probe.seen().or(points::seen);
        List<JmhProgress.LostPoint> lost = points.lost();
        String status;
        String message = null;
        String resultFile = null;
        if (children.interrupted()) {
            status = "interrupted";
            message = "stopped by a signal; partial output in " + logName;
            Files.deleteIfExists(partial);
        } else if (exit == 0 && Files.isRegularFile(partial)) {
            AtomicFile.publish(partial, result);
            resultFile = resultName;
            status = lost.isEmpty() ? "ok" : "failed";
            if (!lost.isEmpty()) {
                message = describe(lost, points.startedPoints()) + "; the other points are in " + resultName
                        + "; see " + logName;
            }
        } else {
            status = "failed";
            message = "JMH exited with status " + exit
                    + (lost.isEmpty() ? "" : "; " + describe(lost, points.startedPoints())) + "; see " + logName;
            Files.deleteIfExists(partial);
        }
        List<RunManifest.FailedPoint> failed = lost.stream()
                .map(point -> new RunManifest.FailedPoint(point.benchmark(), point.params(), point.error()))
                .toList();
        return new RunManifest.CoreCount(cores, pinning.enforcement("active-processor-count-only"),
                pinning.pinned() ? pinning.cpuList() : null, seen.map(JmhProgress.Seen::processors).orElse(null),
                seen.map(JmhProgress.Seen::cpus).orElse(null), status, resultFile, logName, message, jvmArgs, failed);
    }

    /**
     * Writes the JMH results of every run ({@code parts}, JSON arrays; a run that wrote nothing
     * contributes nothing) as one array to {@code target}, the core count's file before publishing.
     */
    private static void merge(List<Path> parts, Path target) throws IOException {
        var merged = JSON.createArrayNode();
        for (Path part : parts) {
            if (Files.isRegularFile(part) && Files.size(part) > 0) {
                try {
                    JSON.readTree(part.toFile()).forEach(merged::add);
                } catch (IOException e) {
                    throw new IOException("reading JMH's results " + part, e);
                }
            }
        }
        Files.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged));
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
                List.of());
    }

    @Override
    public String describe(int cores) {
        return cores + " core" + (cores == 1 ? "" : "s");
    }
}
