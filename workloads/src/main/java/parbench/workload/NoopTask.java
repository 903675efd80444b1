package parbench.workload;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A task that does nothing but return its input: what remains of a batch is the concurrency
 * model's own cost per task (hand-off, wake-up, result collection).
 */
public final class NoopTask implements Workload<Integer, Integer> {

    public static final String ID = "noop";

    /** {@code 0, 1, ..., tasks - 1}. */
    @Override
    public List<Integer> inputs(int tasks) {
        return IntStream.range(0, tasks).boxed().toList();
    }

    @Override
    public Integer apply(Integer input) {
        return input;
    }

    @Override
    public Integer expected(Integer input) {
        return input;
    }

    @Override
    public WorkloadSpec spec() {
        return new WorkloadSpec(ID, Map.of());
    }

    @Override
    public Class<Integer> inputType() {
        return Integer.class;
    }

    @Override
    public Class<Integer> outputType() {
        return Integer.class;
    }
}
