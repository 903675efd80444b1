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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import parbench.bench.model.CallerRunsModel;
import parbench.bench.model.ModelSettings;
import parbench.workload.NoopTask;

/**
 * What does the harness itself cost per task? {@link DispatchBenchmark}'s batch of
 * {@value DispatchBenchmark#TASKS} no-op tasks through the same {@link BatchHarness} and the
 * same per-task bookkeeping as every in-process model, with the model's work — handing tasks to
 * other threads and waking them — removed: {@link CallerRunsModel} runs each task on the calling
 * thread. As JMH's samples measure an empty baseline beside the thing measured, this is the floor
 * under every in-process row of {@code DispatchBenchmark}; it should stay well below
 * {@code fork-join}'s per-task figure (the target is under 10 %).
 *
 * <p>Not a model, so no {@code model} parameter and no report row of its own. The no-op task itself
 * (return the input) is part of this figure, as it is of every {@code DispatchBenchmark} row.
 *
 * <p>Run: {@code scripts/parbench jmh 'HarnessBaselineBenchmark|DispatchBenchmark' -p model=fork-join
 * -p parallelism=-1 -p chunk=1 -f 3 -rf json}
 * ({@code -p} names a parameter this class lacks: JMH applies it where it exists).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HarnessBaselineBenchmark extends BatchBenchmark<Integer, Integer> {


    @Setup(Level.Trial)
    public void setUp() {
        harness = BatchHarness.open(new CallerRunsModel(ModelSettings.ofJobs(1)), new NoopTask(),
                DispatchBenchmark.TASKS);
    }

    /** One batch of no-op tasks on the calling thread; the score is per task. */
    @Benchmark
    @OperationsPerInvocation(DispatchBenchmark.TASKS)
    public List<Integer> batch() {
        return harness.run();
    }
}
