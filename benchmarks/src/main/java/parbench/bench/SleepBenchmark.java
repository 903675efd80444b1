package parbench.bench;

import java.time.Duration;
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
import parbench.workload.ComputeX;

/**
 * How fast does each model run the seed's {@code compute_x} — {@code tasks} calls that each
 * sleep {@code taskMillis} — when it may run {@code parallelism} ({@code n_jobs}) at once?
 *
 * <p>Baseline: {@code sequential}, {@code tasks × taskMillis}. Physical ideal:
 * {@code ceil(n / min(p, n)) × d}. Sleeping threads use no CPU, so core count should not matter
 * for models that let every task block at once (virtual threads, pools of p threads); the
 * {@code peakInFlight} metric shows the models that cannot ({@code common-pool} and
 * {@code parallel-stream} run at most common-pool parallelism (+1) at once; {@code fork-join} does
 * not compensate for {@code Thread.sleep}).
 *
 * <p>{@code sequential}, {@code common-pool}, {@code parallel-stream}, {@code thread-per-task}
 * and {@code virtual-threads} ignore {@code parallelism}: their rows repeat at every value (the
 * same measurement, taken again), which the report treats as one row per core count.
 *
 * <p>Run: {@code scripts/parbench jmh SleepBenchmark -p model=virtual-threads,fixed-pool
 * -p parallelism=100 -rf json}; larger batches with {@code -p tasks=1000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SleepBenchmark extends BatchBenchmark<Integer, ComputeX.Pair> {

    @Param({"sequential", "thread-per-task", "fixed-pool", "fork-join", "common-pool", "parallel-stream",
            "virtual-threads", "virtual-threads-bounded", "process-workers", "process-spawn"})
    public String model;

    /** joblib's {@code n_jobs}: 1 or more, or -1 for every processor, -2 all but one. */
    @Param({"1", "2", "8", "100"})
    public int parallelism;

    @Param({"100"})
    public int tasks;

    @Param({"10"})
    public long taskMillis;


    @Setup(Level.Trial)
    public void setUp() {
        harness = BatchHarness.openGauged(model, ModelSettings.ofJobs(parallelism), ComputeX.withDefaultY(Duration.ofMillis(taskMillis)), tasks);
    }

    /** One batch of {@code tasks} sleeps (checked by {@link #verify}). */
    @Benchmark
    public List<ComputeX.Pair> batch(PeakInFlight peak) {
        return harness.run(peak);
    }
}
