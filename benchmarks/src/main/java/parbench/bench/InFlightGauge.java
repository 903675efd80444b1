package parbench.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;

import parbench.workload.Workload;
import parbench.workload.WorkloadSpec;

/**
 * A workload that counts how many of its {@link #apply} calls run at once and keeps the peak:
 * the evidence for why a model is as fast as it is (e.g. {@code common-pool} on 2 cores runs
 * blocking tasks one at a time). Costs an atomic increment, a max-accumulate and a decrement
 * per task.
 *
 * <p>Only calls in this JVM are seen: a process model rebuilds the bare workload from
 * {@link #spec()} in its workers, so its peak reads 0 (not observed), never a guess.
 *
 * <p>Thread-safe.
 */
final class InFlightGauge<I, O> implements Workload<I, O> {

    private final Workload<I, O> workload;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAccumulator peak = new LongAccumulator(Math::max, 0);

    InFlightGauge(Workload<I, O> workload) {
        this.workload = workload;
    }

    /** The most calls in flight at once since the last call of this method; resets it. */
    long takePeak() {
        return peak.getThenReset();
    }

    @Override
    public O apply(I input) throws Exception {
        peak.accumulate(inFlight.incrementAndGet());
        try {
            return workload.apply(input);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public WorkloadSpec spec() {
        return workload.spec();
    }

    @Override
    public Class<I> inputType() {
        return workload.inputType();
    }

    @Override
    public Class<O> outputType() {
        return workload.outputType();
    }

    @Override
    public List<I> inputs(int tasks) {
        return workload.inputs(tasks);
    }

    @Override
    public O expected(I input) {
        return workload.expected(input);
    }

    @Override
    public void close() {
        workload.close();
    }
}
