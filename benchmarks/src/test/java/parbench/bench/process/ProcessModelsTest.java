package parbench.bench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.bench.model.ModelType;
import parbench.bench.model.TaskFailedException;
import parbench.workload.ComputeX;
import parbench.workload.CpuTask;
import parbench.workload.NoopTask;
import parbench.workload.Workload;
import parbench.workload.stub.StubConfig;
import parbench.workload.stub.WikipediaStub;
import parbench.workload.wiki.WikiPageChecker;

/** Both process models honour the model contract, with real worker JVMs running the real {@link WorkerMain}. */
@ExtendWith(NoDescendants.class)
class ProcessModelsTest {

    private static WikipediaStub stub;

    @BeforeAll
    static void startStub() {
        stub = WikipediaStub.start(StubConfig.defaults().withLatency(Duration.ofMillis(5)));
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    enum ProcessModel {
        WORKERS(ModelType.PROCESS_WORKERS), SPAWN(ModelType.PROCESS_SPAWN);

        final ModelType type;

        ProcessModel(ModelType type) {
            this.type = type;
        }
    }

    static Stream<Arguments> modelsAndWorkloads() {
        List<Function<WikipediaStub, Workload<?, ?>>> workloads = List.of(
                s -> ComputeX.withDefaultY(Duration.ofMillis(20)),
                s -> new CpuTask(10_000),
                s -> new NoopTask(),
                s -> WikiPageChecker.create(s.baseUrl(), 4, Duration.ofSeconds(10)));
        List<String> names = List.of("sleep", "cpu", "noop", "wiki");
        var arguments = new ArrayList<Arguments>();
        for (ProcessModel model : ProcessModel.values()) {
            for (int i = 0; i < workloads.size(); i++) {
                arguments.add(Arguments.of(model, names.get(i), workloads.get(i)));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modelsAndWorkloads")
    void givesTheSequentialOutputsInInputOrder(ProcessModel model, String name,
                                                Function<WikipediaStub, Workload<?, ?>> workloadOf) throws Exception {
        try (Workload<?, ?> workload = workloadOf.apply(stub)) {
            assertSameAsSequential(model, workload);
        }
    }

    private static <I, O> void assertSameAsSequential(ProcessModel model, Workload<I, O> workload) {
        List<I> inputs = workload.inputs(9);
        var settings = ModelSettings.ofJobs(2).withChunkSize(2);
        List<O> expected;
        try (var sequential = ModelType.SEQUENTIAL.create(settings)) {
            expected = sequential.run(workload, inputs);
        }
        try (ConcurrencyModel process = model.type.create(settings)) {
            assertThat(process.run(workload, inputs)).isEqualTo(expected);
            assertThat(process.run(workload, inputs)).as("second batch").isEqualTo(expected);
        }
        assertThat(expected).isEqualTo(inputs.stream().map(workload::expected).toList());
    }

    @ParameterizedTest
    @EnumSource(ProcessModel.class)
    void failFastNamesTheFailingIndex(ProcessModel model) {
        var workload = new NoopWithBadInput(3);
        try (var process = model.type.create(ModelSettings.ofJobs(2))) {
            assertThatThrownBy(() -> process.run(workload, workload.inputs(8)))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.index()).isEqualTo(3))
                    .hasMessageStartingWith("task 3 failed: worker pid ")
                    .hasMessageContaining("task 3 (workload 'noop') threw")
                    .hasMessageContaining("\"" + NoopWithBadInput.BAD_INPUT + "\"")
                    .hasCauseInstanceOf(WorkerTaskException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(ProcessModel.class)
    void parallelismFollowsNJobs(ProcessModel model) {
        try (var process = model.type.create(ModelSettings.ofJobs(3))) {
            assertThat(process.parallelism()).isEqualTo(3);
            assertThat(process.name()).isEqualTo(model.type.modelName());
        }
    }
}
