package parbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** joblib's {@code n_jobs}, resolved against the processor count. */
class ModelSettingsTest {

    @ParameterizedTest(name = "n_jobs {0} on {1} processors -> {2}")
    @CsvSource({
            "1, 8, 1",
            "3, 8, 3",
            "100, 2, 100",
            "-1, 8, 8",
            "-1, 1, 1",
            "-2, 8, 7",
            "-2, 1, 1",
            "-9, 8, 1"})
    void nJobsFollowsJoblib(int nJobs, int processors, int parallelism) {
        assertThat(ModelSettings.ofJobs(nJobs).parallelism(processors)).isEqualTo(parallelism);
    }

    @Test
    void zeroJobsIsRejected() {
        assertThatThrownBy(() -> ModelSettings.ofJobs(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n_jobs == 0 has no meaning; use 1 or more, or -1 for all processors");
    }

    static Stream<ModelType> boundedModels() {
        return Stream.of(ModelType.FIXED_POOL, ModelType.FORK_JOIN, ModelType.VIRTUAL_THREADS_BOUNDED);
    }

    @ParameterizedTest
    @MethodSource("boundedModels")
    void moreJobsThanTasksRunsEveryTask(ModelType type) {
        var workload = ScriptedWorkload.failingAt();
        try (var model = type.create(ModelSettings.ofJobs(50))) {
            assertThat(model.parallelism()).isEqualTo(50);
            assertThat(model.run(workload, workload.inputs(5))).containsExactly(0, 10, 20, 30, 40);
        }
    }

    @ParameterizedTest
    @MethodSource("boundedModels")
    void minusOneUsesEveryProcessor(ModelType type) {
        try (var model = type.create(ModelSettings.ofJobs(-1))) {
            assertThat(model.parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }

    @ParameterizedTest
    @MethodSource("boundedModels")
    void minusTwoUsesAllButOneProcessor(ModelType type) {
        try (var model = type.create(ModelSettings.ofJobs(-2))) {
            assertThat(model.parallelism()).isEqualTo(Math.max(Runtime.getRuntime().availableProcessors() - 1, 1));
        }
    }

    @Test
    void unknownModelNameListsTheKnownOnes() {
        assertThatThrownBy(() -> ModelType.named("gpu"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown model 'gpu' (known: sequential, thread-per-task, fixed-pool,");
    }
}
