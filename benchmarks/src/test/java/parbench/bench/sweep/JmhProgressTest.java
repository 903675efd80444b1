package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JmhProgressTest {

    private static final List<String> OUTPUT = List.of(
            "# Run progress: 50.00% complete, ETA 00:01:05",
            "# Fork: 1 of 1",
            "# Benchmark: parbench.bench.CpuBenchmark.batch",
            "# Parameters: (model = fork-join, parallelism = 2)",
            "Iteration   1: parbench: availableProcessors=1 affinity=0",
            "12.3 ms/op",
            "Result \"parbench.bench.CpuBenchmark.batch\":",
            "  12.345 ±(99.9%) 0.123 ms/op [Average]");

    @Test
    void resultLineFinishesAPointWithItsParameters() {
        var progress = new JmhProgress();
        var points = OUTPUT.stream().map(progress::accept).flatMap(Optional::stream).toList();
        assertThat(points).containsExactly(new JmhProgress.Point("CpuBenchmark.batch",
                "(model = fork-join, parallelism = 2)", "12.345 ±(99.9%) 0.123 ms/op [Average]"));
    }

    @Test
    void progressAndProcessorsAreRead() {
        var progress = new JmhProgress();
        OUTPUT.forEach(progress::accept);
        assertThat(progress.percent()).isEqualTo(50.0);
        assertThat(progress.etaSeconds()).isEqualTo(65);
        assertThat(progress.seen()).contains(new JmhProgress.Seen(1, "0"));
    }

    @Test
    void benchmarkListCountsPointsUnderTheProfilesGrid() {
        var list = BenchmarkList.parse(List.of(
                "Benchmarks: ",
                "parbench.bench.CpuBenchmark.batch",
                "  param \"model\" = {sequential, fork-join, fixed-pool}",
                "  param \"parallelism\" = {1, 2, 4}",
                "parbench.bench.SleepBenchmark.batch"));
        assertThat(list.points(java.util.Map.of("parallelism", "2"))).isEqualTo(3 + 1);
        assertThat(list.anyNamed("WikiBenchmark")).isFalse();
    }
}
