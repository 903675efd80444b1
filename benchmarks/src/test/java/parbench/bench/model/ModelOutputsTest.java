package parbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import parbench.workload.ComputeX;
import parbench.workload.CpuTask;
import parbench.workload.NoopTask;
import parbench.workload.Workload;
import parbench.workload.stub.StubConfig;
import parbench.workload.stub.WikipediaStub;
import parbench.workload.wiki.WikiPageChecker;

/** Same inputs, identical outputs under every registered model, for every real workload. */
class ModelOutputsTest {

    private static final int TASKS = 24;
    private static WikipediaStub stub;

    @BeforeAll
    static void startStub() {
        stub = WikipediaStub.start(StubConfig.defaults().withLatency(Duration.ofMillis(5)));
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    record NamedWorkload(String name, Supplier<Workload<?, ?>> open) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> everyModelAndWorkload() {
        var workloads = List.of(
                new NamedWorkload("sleep", () -> ComputeX.withDefaultY(Duration.ofMillis(2))),
                new NamedWorkload("cpu", () -> new CpuTask(10_000)),
                new NamedWorkload("noop", NoopTask::new),
                new NamedWorkload("wiki", () -> WikiPageChecker.create(stub.baseUrl(), TASKS, Duration.ofSeconds(10))));
        return Arrays.stream(ModelType.values())
                .flatMap(type -> workloads.stream().map(workload -> Arguments.of(type, workload)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("everyModelAndWorkload")
    void everyModelGivesTheSequentialOutputs(ModelType type, NamedWorkload named) {
        try (var workload = named.open().get();
             var sequential = ModelType.SEQUENTIAL.create(ModelSettings.ofJobs(1));
             var model = type.create(ModelSettings.ofJobs(4))) {
            assertThat(outputs(model, workload)).isEqualTo(outputs(sequential, workload));
        }
    }

    private static <I, O> List<O> outputs(ConcurrencyModel model, Workload<I, O> workload) {
        var inputs = workload.inputs(TASKS);
        List<O> outputs = model.run(workload, inputs);
        assertThat(outputs).isEqualTo(inputs.stream().map(workload::expected).toList());
        return outputs;
    }
}
