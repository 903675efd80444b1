package parbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fail-fast and the time-out, for every in-process model. */
class FailurePolicyTest {

    private static final int TASKS = 16;

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#all")
    void failFastNamesTheFailingIndex(ModelType type) {
        var workload = ScriptedWorkload.failingAt(7);
        try (var model = type.create(ModelSettings.ofJobs(4))) {
            assertThatThrownBy(() -> model.run(workload, workload.inputs(TASKS)))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessage("task 7 failed: java.lang.IllegalStateException: scripted failure for input 7")
                    .satisfies(e -> assertThat(((TaskFailedException) e).index()).isEqualTo(7));
        }
    }

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#concurrent")
    void batchWithoutProgressForTheTimeoutFailsNamingTheStuckIndex(ModelType type) {
        var workload = ScriptedWorkload.hangingAt(2);
        var settings = ModelSettings.ofJobs(4).withTaskTimeout(Duration.ofMillis(200));
        try (var model = type.create(settings)) {
            try {
                assertThatThrownBy(() -> model.run(workload, workload.inputs(TASKS)))
                        .isInstanceOf(TaskFailedException.class)
                        .hasMessage("task 2 failed: no task of the batch finished for PT0.2S")
                        .hasCauseInstanceOf(TimeoutException.class)
                        .satisfies(e -> assertThat(((TaskFailedException) e).index()).isEqualTo(2));
            } finally {
                workload.release(); // before close: a common-pool task cannot be interrupted
            }
        }
    }

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#concurrent")
    void modelRunsTheNextBatchAfterAFailedOne(ModelType type) {
        var failing = ScriptedWorkload.failingAt(3);
        var healthy = ScriptedWorkload.failingAt();
        try (var model = type.create(ModelSettings.ofJobs(4))) {
            assertThatThrownBy(() -> model.run(failing, failing.inputs(TASKS))).isInstanceOf(TaskFailedException.class);

            assertThat(model.run(healthy, healthy.inputs(4))).containsExactly(0, 10, 20, 30);
        }
    }

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#all")
    void chunkedBatchGivesEveryOutputInOrder(ModelType type) {
        var workload = ScriptedWorkload.failingAt();
        try (var model = type.create(ModelSettings.ofJobs(2).withChunkSize(3))) {
            assertThat(model.run(workload, workload.inputs(7))).containsExactly(0, 10, 20, 30, 40, 50, 60);
        }
    }

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#all")
    void failureInsideAChunkNamesItsIndex(ModelType type) {
        var workload = ScriptedWorkload.failingAt(4);
        try (var model = type.create(ModelSettings.ofJobs(2).withChunkSize(3))) {
            assertThatThrownBy(() -> model.run(workload, workload.inputs(TASKS)))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.index()).isEqualTo(4));
        }
    }
}
