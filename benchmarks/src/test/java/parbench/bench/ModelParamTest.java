package parbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import parbench.bench.model.ModelType;

/**
 * Model names are written once, in {@link ModelType}: every benchmark's {@code model} {@code @Param}
 * list (an annotation, so it cannot read the enum) must name exactly those, in that order.
 */
class ModelParamTest {

    /** Every benchmark JMH's annotation processor registered in this module, as a {@code -l} lists them. */
    static Stream<BenchmarkListEntry> benchmarks() {
        var silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
        return BenchmarkList.defaultList().getAll(silent, List.of()).stream();
    }

    static Stream<BenchmarkListEntry> benchmarksWithAModelParam() {
        return benchmarks().filter(entry -> entry.getParams().hasValue()
                && entry.getParams().get().containsKey("model"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("benchmarksWithAModelParam")
    void modelParamListsEveryRegisteredModelInRegistryOrder(BenchmarkListEntry benchmark) {
        Map<String, String[]> params = benchmark.getParams().get();

        assertThat(params.get("model")).as(benchmark.getUsername() + "'s @Param model")
                .containsExactly(Arrays.stream(ModelType.values()).map(ModelType::modelName).toArray(String[]::new));
    }

    @Test
    void everyWorkloadBenchmarkTakesAModelParam() {
        assertThat(benchmarksWithAModelParam().map(entry -> entry.getUserClassQName()).distinct())
                .containsExactlyInAnyOrder(SleepBenchmark.class.getName(), CpuBenchmark.class.getName(),
                        WikiBenchmark.class.getName(), DispatchBenchmark.class.getName());
    }
}
