package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JMH's {@code -lp} output parsed strictly: only what JMH lists is a benchmark. */
class BenchmarkListTest {

    @Test
    void thePickedUpLineOfJavaToolOptionsIsNotABenchmark() {
        var list = BenchmarkList.parse(List.of(
                "Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8 -Dx.y=1",
                "Benchmarks: ",
                "parbench.bench.SleepBenchmark.batch",
                "  param \"tasks\" = {1, 10}"));

        assertThat(list.benchmarks()).containsOnlyKeys("parbench.bench.SleepBenchmark.batch");
        assertThat(list.points(Map.of())).isEqualTo(2);
    }

    @Test
    void aWarningAmongTheListedBenchmarksIsNeitherABenchmarkNorItsParameters() {
        var list = BenchmarkList.parse(List.of(
                "Benchmarks: ",
                "parbench.bench.CpuBenchmark.batch",
                "  param \"work\" = {1, 2, 3}",
                "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes.",
                "  param \"bogus\" = {1, 2}",
                "parbench.bench.SleepBenchmark.batch"));

        assertThat(list.benchmarks()).containsOnlyKeys("parbench.bench.CpuBenchmark.batch",
                "parbench.bench.SleepBenchmark.batch");
        assertThat(list.points(Map.of())).isEqualTo(3 + 1);
    }
}
