package parbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import parbench.bench.model.ModelSettings;
import parbench.workload.CpuTask;

/**
 * Does a truly CPU-bound loop ({@code tasks} chained SplitMix64 runs of {@code work} steps each)
 * scale with threads on the JVM, where there is no GIL, up to the core count?
 *
 * <p>Baseline: {@code sequential} (T1). Physical ideal: {@code T1 / min(cores, p)}; beyond the
 * core count more threads only add switching. {@code process-*} show what the Python answer
 * (processes) costs on a JVM that does not need it.
 *
 * <p>{@code sequential}, {@code common-pool}, {@code parallel-stream}, {@code thread-per-task}
 * and {@code virtual-threads} ignore {@code parallelism}: their rows repeat at every value.
 *
 * <p>Run: {@code scripts/parbench jmh CpuBenchmark -p model=sequential,fork-join
 * -p parallelism=-1 -rf json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CpuBenchmark extends BatchBenchmark<Long, Long> {

    @Param({"sequential", "thread-per-task", "fixed-pool", "fork-join", "common-pool", "parallel-stream",
            "virtual-threads", "virtual-threads-bounded", "process-workers", "process-spawn"})
    public String model;

    /** joblib's {@code n_jobs}: 1 or more, or -1 for every processor, -2 all but one. */
    @Param({"1", "2", "-1"})
    public int parallelism;

    @Param({"32"})
    public int tasks;

    /** SplitMix64 steps per task. */
    @Param({"1000000"})
    public long work;


    @Setup(Level.Trial)
    public void setUp() {
        harness = BatchHarness.openGauged(model, ModelSettings.ofJobs(parallelism), new CpuTask(work), tasks);
    }

    /** One batch of {@code tasks} CPU tasks (checked by {@link #verify}). */
    @Benchmark
    public List<Long> batch(PeakInFlight peak) {
        return harness.run(peak);
    }
}
