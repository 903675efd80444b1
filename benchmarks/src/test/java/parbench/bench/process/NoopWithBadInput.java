package parbench.bench.process;

import java.util.ArrayList;
import java.util.List;

import parbench.workload.NoopTask;
import parbench.workload.Workload;
import parbench.workload.WorkloadSpec;

/**
 * Test-only: the real {@code noop} workload's spec, with one input that is not an integer. A
 * worker runs the real {@link NoopTask} and fails that one task (its input cannot be decoded);
 * locally it fails too, so the sequential model gives the same outcomes. No test id reaches the
 * production {@link WorkloadSpec#open()}.
 */
final class NoopWithBadInput implements Workload<Object, Integer> {

    static final String BAD_INPUT = "three";

    private final int badIndex;

    NoopWithBadInput(int badIndex) {
        this.badIndex = badIndex;
    }

    @Override
    public WorkloadSpec spec() {
        return new NoopTask().spec();
    }

    @Override
    public Class<Object> inputType() {
        return Object.class;
    }

    @Override
    public Class<Integer> outputType() {
        return Integer.class;
    }

    @Override
    public List<Object> inputs(int tasks) {
        var inputs = new ArrayList<Object>();
        for (int i = 0; i < tasks; i++) {
            inputs.add(i == badIndex ? BAD_INPUT : i);
        }
        return inputs;
    }

    @Override
    public Integer apply(Object input) {
        if (input instanceof Integer value) {
            return value;
        }
        throw new IllegalArgumentException("not an integer: " + input);
    }

    @Override
    public Integer expected(Object input) {
        return input instanceof Integer value ? value : null;
    }
}
