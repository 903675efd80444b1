package parbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fail-fast, collect and the per-task time-out, for every in-process model. */
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
    @MethodSource("parbench.bench.model.InProcessModels#all")
    void collectReturnsEveryResultAndEveryFailure(ModelType type) {
        var workload = ScriptedWorkload.failingAt(3, 5);
        try (var model = type.create(ModelSettings.ofJobs(4).withErrorPolicy(ErrorPolicy.COLLECT))) {
            BatchResult<Integer> result = model.run(workload, workload.inputs(TASKS));

            assertThat(result.outcomes()).hasSize(TASKS);
            assertThat(result.failures()).extracting(TaskOutcome::index).containsExactly(3, 5);
            assertThat(result.outcomes()).filteredOn(TaskOutcome.Success.class::isInstance)
                    .extracting(outcome -> ((TaskOutcome.Success<Integer>) outcome).value())
                    .containsExactly(0, 10, 20, 40, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150);
        }
    }

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#concurrent")
    void taskRunningPastTheTimeoutFailsNamingItsIndex(ModelType type) {
        var workload = ScriptedWorkload.hangingAt(2);
        var settings = ModelSettings.ofJobs(4).withTaskTimeout(Duration.ofMillis(200));
        try (var model = type.create(settings)) {
            assertThatThrownBy(() -> model.run(workload, workload.inputs(TASKS)))
                    .isInstanceOf(TaskFailedException.class)
                    .hasMessageStartingWith("task 2 failed: java.util.concurrent.TimeoutException: task 2 ran longer than the task timeout PT0.2S")
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#concurrent")
    void timedOutTaskIsCollectedAsAFailureWhileTheOthersSucceed(ModelType type) {
        var workload = ScriptedWorkload.hangingAt(2);
        var settings = ModelSettings.ofJobs(4).withTaskTimeout(Duration.ofMillis(200)).withErrorPolicy(ErrorPolicy.COLLECT);
        try (var model = type.create(settings)) {
            BatchResult<Integer> result = model.run(workload, workload.inputs(TASKS));

            assertThat(result.failures()).singleElement().satisfies(failure -> {
                assertThat(failure.index()).isEqualTo(2);
                assertThat(failure.error()).isInstanceOf(TimeoutException.class);
            });
            // the pool thread that ran the hung task is reusable: a second batch succeeds
            var healthy = ScriptedWorkload.failingAt();
            assertThat(model.run(healthy, healthy.inputs(TASKS)).failures()).isEmpty();
        }
    }
}
