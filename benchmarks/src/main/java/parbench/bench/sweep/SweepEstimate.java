package parbench.bench.sweep;

import java.time.Duration;
import java.util.Map;

/**
 * The estimated wall time of a sweep: everything it will do, JMH host JVMs and forks, their
 * iterations at the batch times the workloads should take ({@link WorkloadKind#batchMillis}), the
 * per-core-count processor probe, the stub's start and capacity probe, and the Python harness's
 * interpreters and points. Immutable.
 *
 * <p>An iteration ends with the first batch that finishes after its time is up, so one lasts
 * {@code max(t, batch)}, plus half a batch on average when batches are shorter than {@code t}.
 *
 * <p>The constants are calibrated on the 2-core development VM (Temurin 25) against the per-point wall
 * times of a quiet {@code quick} sweep (2026-12-02, 86 points, {@code -f 2 -wi 1 -i 3 -w 200ms -r 200ms}: the
 * time between consecutive point lines, less the iterations the scores account for): a JMH host JVM cost
 * 0.8–1.2 s, a fork 0.35–0.6 s beyond its iterations (more on 1 core), a {@code WikiBenchmark} fork 0.3–0.9 s
 * more (its HTTP client and first connections), a worker JVM about 1 s; a sleep of {@code d} ms took
 * {@code d + 0.3} and a page check of the stub's latency 3–4 ms more. The Python constants come from
 * {@code quick --with-python}, which took 14:25 where the harness's own iteration sum predicted about a third
 * of the Python part. docs/sweep.md ("The estimate, measured") gives estimate against actual.
 *
 * @param hostStart seconds to start a JMH host JVM and list its benchmarks
 * @param forkStart seconds a fork costs beyond its iterations: JVM start, JIT, JMH's set-up, tear-down
 * @param inProcessPoint seconds a {@code -f 0} point costs beyond its iterations: set-up, tear-down
 * @param workerStartMillis milliseconds to start one worker JVM, per processor
 * @param cpuNanosPerWork nanoseconds of one unit of {@code CpuTask} work
 * @param dispatchMillisPerTask milliseconds a thread model spends handing out one empty task
 * @param processMillisPerTask milliseconds of framing and IPC per task for worker processes
 * @param sleepOvershootMillis milliseconds a sleep lasts beyond its nominal time (timer slack, wake-up)
 * @param requestMillis milliseconds a page check takes beyond the stub's latency (client, loopback, stub)
 * @param clientStartMillis milliseconds to create the HTTP client and open its first connections, per JVM
 * @param stubStart seconds to start the stub JVM
 * @param stubCapacity seconds of the stub's capacity probe (warm-up plus window)
 * @param pythonStart seconds a harness process costs beyond its points: interpreter, imports
 * @param pythonFactor actual over predicted seconds of the Python points (pool start-ups, batch overruns)
 */
public record SweepEstimate(double hostStart, double forkStart, double inProcessPoint, double workerStartMillis,
        double cpuNanosPerWork, double dispatchMillisPerTask, double processMillisPerTask,
        double sleepOvershootMillis, double requestMillis, double clientStartMillis, double stubStart,
        double stubCapacity, double pythonStart, double pythonFactor) {

    /** The constants calibrated on the development VM (see the class comment). */
    public static final SweepEstimate CALIBRATED = new SweepEstimate(1.0, 0.45, 0.05, 1000, 3.6, 0.002,
            0.05, 0.3, 3.5, 600, 3, 15, 3, 2.2);

    /** Seconds of one point with {@code timing}, {@code forks} forks, at {@code cores} processors. */
    public double pointSeconds(String benchmark, Map<String, String> point, int cores, JmhTiming timing, int forks) {
        WorkloadKind kind = WorkloadKind.of(benchmark);
        double batch = kind.batchMillis(point, cores, this) / 1000;
        double iterations = timing.warmupIterations() * iteration(batch, seconds(timing.warmupTime()))
                + timing.iterations() * iteration(batch, seconds(timing.measurementTime()));
        double setUp = kind.setUpMillis(point, cores, this) / 1000;
        if (forks == 0) {
            return inProcessPoint + setUp + iterations;
        }
        return forks * (forkStart + setUp + iterations);
    }

    /** Seconds of one JMH invocation: its host JVM and every point of its grid. */
    public double runSeconds(JmhRun run, int cores, JmhTiming timing) {
        double seconds = hostStart;
        for (Map<String, String> point : run.expand()) {
            seconds += pointSeconds(run.benchmark(), point, cores, timing, run.forks());
        }
        return seconds;
    }

    /** Seconds of the processor probe each core count runs first: a host JVM and one short fork. */
    public double probeSeconds() {
        return hostStart + forkStart;
    }

    /** Seconds to start the stub and measure its capacity, once a sweep. */
    public double stubSeconds() {
        return stubStart + stubCapacity;
    }

    /**
     * Seconds of the Python side at one core count: {@code forks} harness processes, each measuring
     * the points whose iterations the harness sums to {@code harnessSeconds}.
     */
    public double pythonSeconds(double harnessSeconds, int forks) {
        return forks * (pythonStart + pythonFactor * harnessSeconds);
    }

    private static double iteration(double batch, double time) {
        return batch >= time ? batch : time + batch / 2;
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
