package parbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.workload.NoopTask;
import parbench.workload.Workload;

/** The harness checks outputs outside the timed path, and still fails the point on a wrong one. */
class BatchHarnessTest {

    /** A hand-written fake model: returns the sequential outputs with one of them replaced. */
    private static final class OffByOneAt implements ConcurrencyModel {
        private final int wrongIndex;
        boolean closed;

        OffByOneAt(int wrongIndex) {
            this.wrongIndex = wrongIndex;
        }

        @Override
        public String name() {
            return "off-by-one";
        }

        @Override
        public int parallelism() {
            return 1;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <I, O> List<O> run(Workload<I, O> workload, List<I> inputs) {
            return inputs.stream().map(input -> (O) (Object) ((Integer) input
                    + (inputs.indexOf(input) == wrongIndex ? 1 : 0))).toList();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void wrongOutputFailsTheIterationsCheckNamingTheTask() {
        try (var harness = BatchHarness.open(new OffByOneAt(3), new NoopTask(), 5)) {
            harness.run();

            assertThatThrownBy(harness::verify)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("model 'off-by-one' returned a wrong output for task 3 (input 3): expected 3, got 4");
        }
    }

    @Test
    void rightOutputsPassEveryIterationsCheck() {
        try (var harness = BatchHarness.open("fork-join", ModelSettings.ofJobs(2), new NoopTask(), 50)) {
            for (int iteration = 0; iteration < 3; iteration++) {
                assertThat(harness.run()).hasSize(50);
                harness.verify();
            }
        }
    }

    @Test
    void iterationWithoutABatchFailsItsCheck() {
        try (var harness = BatchHarness.open(new OffByOneAt(-1), new NoopTask(), 5)) {
            harness.run();
            harness.verify();

            assertThatThrownBy(harness::verify).hasMessage("model 'off-by-one' ran no batch in this iteration");
        }
    }

    @Test
    void harnessClosesItsModel() {
        var model = new OffByOneAt(-1);
        BatchHarness.open(model, new NoopTask(), 5).close();

        assertThat(model.closed).isTrue();
    }

    @Test
    void ungaugedHarnessRefusesToRecordAPeak() {
        try (var harness = BatchHarness.open(new OffByOneAt(-1), new NoopTask(), 5)) {
            assertThatThrownBy(() -> harness.run(new PeakInFlight()))
                    .hasMessage("this harness counts no tasks in flight; open it with openGauged");
        }
    }
}
