package parbench.bench.sweep;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Python side of one core count: the seed article's harness ({@link PythonHarness}) under the
 * same CPUs as the core count's JMH run and against the same stub, into
 * {@code python-cores-<c>.json} and {@code python-cores-<c>.log}. The harness runs once per fork
 * ({@link SweepProfile#pythonForks}: separate interpreter processes play the part of JMH's forks),
 * and {@link PythonForks} joins their files. The harness's exit status says how
 * it ended: 0 every point, 1 a point failed (the others are in the JSON), 2 it refused its
 * arguments, 130/143 a signal (it writes what finished). Its worker processes are its descendants,
 * in its own process group, so an interrupt stops them with it.
 *
 * <p>Thread-safety: used from the sweep's thread only.
 */
final class PythonMeasurement implements CoreCountMeasurement {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** How the harness marks a failed point: {@code [cores 1] SleepBenchmark model=... tasks=0: FAILED: why}. */
    private static final String FAILED = ": FAILED: ";
    private static final int NAMED_FAILURES = 3;

    private final SweepSettings settings;
    private final PythonHarness harness;
    private final PythonHarness.Plan plan;
    private final boolean first;
    private final ChildProcesses children;
    private final SweepProgress progress;
    private final String stubUrl;

    /**
     * @param harness the harness under one interpreter, {@code plan} being what it said it would measure
     * @param first whether it is the run's first interpreter: its log is {@code python-cores-<c>.log}, the
     *     others' {@code python-cores-<c>-<label>.log}; all write their rows into {@code python-cores-<c>.json}
     * @param stubUrl the sweep's stub, or null when no point checks pages
     */
    PythonMeasurement(SweepSettings settings, PythonHarness harness, PythonHarness.Plan plan, boolean first,
            ChildProcesses children, SweepProgress progress, String stubUrl) {
        this.settings = settings;
        this.harness = harness;
        this.plan = plan;
        this.first = first;
        this.children = children;
        this.progress = progress;
        this.stubUrl = stubUrl;
    }

    @Override
    public RunManifest.PythonCoreCount measure(Pinning pinning) throws IOException {
        int cores = pinning.cores();
        String logName = "python-cores-" + cores + (first ? "" : "-" + plan.label().replaceAll("[^A-Za-z0-9._-]", "_"))
                + ".log";
        String resultName = "python-cores-" + cores + ".json";
        var failedPoints = new ArrayList<String>();
        var forkFiles = new ArrayList<Path>();
        var forkDirs = new ArrayList<Path>();
        int exit = 0;
        int forks = Math.max(1, settings.profile().pythonForks());
        try (Writer log = Files.newBufferedWriter(settings.runDirectory().resolve(logName), StandardCharsets.UTF_8)) {
            for (int fork = 1; fork <= forks && !children.interrupted(); fork++) {
                // each interpreter process is a fork: its own directory, joined below
                Path dir = settings.runDirectory().resolve(".python-fork-" + fork);
                forkDirs.add(dir);
                forkFiles.add(dir.resolve(resultName));
                log.write("# parbench: Python fork " + fork + " of " + forks + "\n");
                int forkExit = runHarness(pinning, dir, log, failedPoints, fork == forks);
                if (forkExit != 0 && exit == 0) {
                    exit = forkExit;
                }
            }
        }
        boolean written = forkFiles.stream().anyMatch(Files::isRegularFile);
        try {
            if (written) {
                PythonForks.join(forkFiles, settings.runDirectory().resolve(resultName));
            }
        } finally {
            for (Path dir : forkDirs) {
                Files.deleteIfExists(dir.resolve(resultName));
                Files.deleteIfExists(dir);
            }
        }
        String status;
        String message = null;
        if (children.interrupted()) {
            status = "interrupted";
            message = "stopped by a signal; see " + logName;
        } else if (exit == 0 && written) {
            status = "ok";
        } else {
            status = "failed";
            message = (exit == 1 ? failedPoints.size() + " point" + (failedPoints.size() == 1 ? "" : "s")
                    + " failed (the others are kept in " + resultName + ")" : "the harness exited with status " + exit)
                    + (failedPoints.isEmpty() ? "" : ": " + String.join("; ",
                            failedPoints.subList(0, Math.min(NAMED_FAILURES, failedPoints.size())))
                            + (failedPoints.size() > NAMED_FAILURES ? "; and " + (failedPoints.size() - NAMED_FAILURES)
                                    + " more" : ""))
                    + "; see " + logName;
        }
        return new RunManifest.PythonCoreCount(cores, pinning.enforcement("sched-setaffinity"),
                pinning.pinned() ? pinning.cpuList() : null, status, written ? resultName : null, logName, message,
                plan.label());
    }

    /** One interpreter process writing into {@code dir}; points are shown (and failures kept) from the last only. */
    private int runHarness(Pinning pinning, Path dir, Writer log, List<String> failedPoints, boolean last)
            throws IOException {
        int cores = pinning.cores();
        var command = new ArrayList<String>();
        // its own process group, so a pool worker forked while the harness dies is still found and stopped
        boolean ownGroup = Files.isExecutable(SETSID);
        if (ownGroup) {
            command.add(SETSID.toString());
        }
        command.addAll(pinning.taskset());
        command.addAll(harness.command(settings.profile().profileName(), settings.pythonInclude(), cores,
                dir, stubUrl, settings.stubLatencyMillis()));
        // the harness watches its stdin, a pipe from this JVM: at its end (this JVM died) it kills its group
        command.add("--exit-with-parent");
        return children.run(command, log, ownGroup, PythonProgress::point, point -> {
            if (point.contains(FAILED) && !failedPoints.contains(point.replaceFirst("^python ", ""))) {
                failedPoints.add(point.replaceFirst("^python ", ""));
            }
            if (last) {
                progress.point(cores, point);
            }
        });
    }

    @Override
    public RunManifest.PythonCoreCount notStarted(int cores, String message) {
        return new RunManifest.PythonCoreCount(cores, null, null, "interrupted", null, null, message, plan.label());
    }

    @Override
    public String describe(int cores) {
        return "Python" + (first ? "" : " " + plan.label()) + " at " + cores + " core" + (cores == 1 ? "" : "s");
    }
}
