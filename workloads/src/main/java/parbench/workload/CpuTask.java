package parbench.workload;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A truly CPU-bound task (the article's "CPU" example only sleeps): a chain of {@code work}
 * SplitMix64 steps started from the input seed, returning the final state.
 *
 * <p>Each step depends on the previous one, so the JIT can neither vectorise nor skip it and the
 * cost is linear in {@code work} (a few nanoseconds a step). It allocates nothing and touches no
 * memory, so it scales with cores unless the concurrency model gets in the way. The result is a
 * pure function of {@code (seed, work)}: identical under every model, in every JVM, and in the
 * Python port ({@code scripts/python}), which is how both sides are checked against each other.
 */
public final class CpuTask implements Workload<Long, Long> {

    public static final String ID = "cpu";

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long work;

    /** @param work number of chained mixing steps per task; zero or more */
    public CpuTask(long work) {
        if (work < 0) {
            throw new IllegalArgumentException("work must be zero or more, was " + work);
        }
        this.work = work;
    }

    /** {@code work} chained SplitMix64 steps from {@code seed}. */
    public static long run(long seed, long work) {
        long z = seed;
        for (long i = 0; i < work; i++) {
            z = mix(z + GOLDEN_GAMMA);
        }
        return z;
    }

    /** The SplitMix64 finaliser (Stafford's variant 13). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Seeds {@code 1, 2, ..., tasks}. */
    @Override
    public List<Long> inputs(int tasks) {
        return LongStream.rangeClosed(1, tasks).boxed().toList();
    }

    @Override
    public Long apply(Long seed) {
        return run(seed, work);
    }

    /** Recomputes the chain: cheap next to a batch, and independent of any concurrency model. */
    @Override
    public Long expected(Long seed) {
        return run(seed, work);
    }

    @Override
    public WorkloadSpec spec() {
        return new WorkloadSpec(ID, Map.of("work", Long.toString(work)));
    }

    @Override
    public Class<Long> inputType() {
        return Long.class;
    }

    @Override
    public Class<Long> outputType() {
        return Long.class;
    }
}
