package parbench.bench.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import parbench.workload.Workload;
import parbench.workload.WorkloadSpec;

/**
 * A hand-written fake: inputs {@code 0..n-1}, output {@code 10 × input}; throws for the inputs
 * in {@code failing}; blocks until interrupted or {@link #release() released} for the inputs in
 * {@code hanging}. In-process
 * only (its spec names no real workload).
 */
final class ScriptedWorkload implements Workload<Integer, Integer> {

    private final Set<Integer> failing;
    private final Set<Integer> hanging;
    private final CountDownLatch hang = new CountDownLatch(1);

    ScriptedWorkload(Set<Integer> failing, Set<Integer> hanging) {
        this.failing = failing;
        this.hanging = hanging;
    }

    static ScriptedWorkload failingAt(Integer... inputs) {
        return new ScriptedWorkload(Set.of(inputs), Set.of());
    }

    static ScriptedWorkload hangingAt(Integer... inputs) {
        return new ScriptedWorkload(Set.of(), Set.of(inputs));
    }

    @Override
    public Integer apply(Integer input) throws InterruptedException {
        if (failing.contains(input)) {
            throw new IllegalStateException("scripted failure for input " + input);
        }
        if (hanging.contains(input)) {
            hang.await();
        }
        return expected(input);
    }

    /** Lets every hanging task finish: a task on the common pool cannot be stopped otherwise. */
    void release() {
        hang.countDown();
    }

    @Override
    public Integer expected(Integer input) {
        return 10 * input;
    }

    @Override
    public List<Integer> inputs(int tasks) {
        return IntStream.range(0, tasks).boxed().toList();
    }

    @Override
    public WorkloadSpec spec() {
        return new WorkloadSpec("scripted", Map.of());
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
