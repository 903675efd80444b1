package parbench.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import parbench.bench.model.ModelSettings;
import parbench.workload.NoopTask;

/**
 * What does each model cost per task when the task does nothing? A batch of {@value #TASKS}
 * no-op tasks, reported in ns per task ({@code @OperationsPerInvocation}): hand-off, wake-up,
 * result collection and, for {@code thread-per-task}, a thread start; for {@code process-*}, a
 * round trip to a worker JVM.
 *
 * <p>Baseline: {@code sequential} (a plain loop). Physical ideal: 0. The figure is what a task
 * must outweigh before parallelism pays off. What the harness itself adds to an in-process
 * model's figure is measured by {@link HarnessBaselineBenchmark}; the outputs are checked in an
 * iteration tear-down, outside the timed path, and no in-flight gauge runs here.
 *
 * <p>{@code chunk} is joblib's {@code batch_size}: inputs per hand-off. {@code fixed-pool},
 * {@code fork-join}, {@code common-pool} and the {@code process-*} models honour it; the others
 * hand every task over alone, so their rows repeat at every value.
 *
 * <p>{@code tasks} is fixed at {@value #TASKS} because JMH's operations per invocation is a
 * constant; another value fails the trial rather than reporting a wrong per-task figure.
 * {@code sequential}, {@code common-pool}, {@code parallel-stream}, {@code thread-per-task} and
 * {@code virtual-threads} ignore {@code parallelism}: their rows repeat at every value.
 *
 * <p>Run: {@code scripts/parbench jmh DispatchBenchmark -p model=virtual-threads,fork-join -p chunk=1 -rf json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class DispatchBenchmark extends BatchBenchmark<Integer, Integer> {

    /** The batch size every per-task figure divides by. */
    public static final int TASKS = 1000;

    @Param({"sequential", "thread-per-task", "fixed-pool", "fork-join", "common-pool", "parallel-stream",
            "virtual-threads", "virtual-threads-bounded", "process-workers", "process-spawn"})
    public String model;

    /** joblib's {@code n_jobs}: 1 or more, or -1 for every processor, -2 all but one. */
    @Param({"1", "-1"})
    public int parallelism;

    /** joblib's {@code batch_size}: inputs per hand-off, 1 or more. */
    @Param({"1", "16"})
    public int chunk;

    /** Must be {@value #TASKS}; a parameter so the report reads it like every other benchmark's. */
    @Param({"1000"})
    public int tasks;


    @Setup(Level.Trial)
    public void setUp() {
        if (tasks != TASKS) {
            throw new IllegalArgumentException("DispatchBenchmark reports per task with @OperationsPerInvocation("
                    + TASKS + "); tasks must be " + TASKS + ", was " + tasks);
        }
        harness = BatchHarness.open(model, ModelSettings.ofJobs(parallelism).withChunkSize(chunk), new NoopTask(), tasks);
    }

    /** One batch of {@value #TASKS} no-op tasks; the score is per task. */
    @Benchmark
    @OperationsPerInvocation(TASKS)
    public List<Integer> batch() {
        return harness.run();
    }
}
