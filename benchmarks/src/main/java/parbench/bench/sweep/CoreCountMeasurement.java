package parbench.bench.sweep;

import java.io.IOException;

/**
 * "Measure this core count": one side of a sweep (the JMH benchmarks or the seed article's Python)
 * run at one core count under its {@link Pinning}, returning its own manifest entry. The sweep's
 * loop calls every measurement once per core count, in order, and records what each returns.
 *
 * <p>Thread-safety: implementations are used from the sweep's thread only; they stop when the
 * sweep's {@link ChildProcesses} is interrupted.
 */
sealed interface CoreCountMeasurement permits JmhMeasurement, PythonMeasurement {

    /**
     * Measures {@code pinning.cores()} cores: writes its result file and log into the run directory
     * and returns how it ended ({@code ok}, {@code failed} with the reason, or {@code interrupted}).
     *
     * @throws IOException naming the file or command that failed
     */
    RunManifest.Entry measure(Pinning pinning) throws IOException;

    /** The entry of a core count this side never started because the sweep was interrupted first. */
    RunManifest.Entry notStarted(int cores, String message);

    /** How the console names this side's core count, e.g. {@code 2 cores} or {@code Python at 2 cores}. */
    String describe(int cores);
}
