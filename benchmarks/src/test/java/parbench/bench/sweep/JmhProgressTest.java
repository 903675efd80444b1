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
                "Picked up JAVA_TOOL_OPTIONS: -Djmh.ignoreLock=true",
                "Benchmarks: ",
                "parbench.bench.CpuBenchmark.batch",
                "  param \"model\" = {sequential, fork-join, fixed-pool}",
                "  param \"parallelism\" = {1, 2, 4}",
                "parbench.bench.SleepBenchmark.batch"));
        assertThat(list.points(java.util.Map.of("parallelism", "2"))).isEqualTo(3 + 1);
        assertThat(list.anyNamed("WikiBenchmark")).isFalse();
        assertThat(list.benchmarks()).containsOnlyKeys("parbench.bench.CpuBenchmark.batch",
                "parbench.bench.SleepBenchmark.batch");
    }

    @Test
    void pointThatThrowsIsLostWithItsParametersAndError() throws Exception {
        // GIVEN JMH's real output of two points, the first failing in set-up (-p tasks=0,1, forked)
        List<String> log;
        try (var in = JmhProgressTest.class.getResourceAsStream("jmh-forked-failed-point.log")) {
            log = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
        var progress = new JmhProgress();

        // WHEN it is read line by line
        var points = log.stream().map(progress::accept).flatMap(Optional::stream).toList();

        // THEN the scored point finished and the failed one is lost, named with its parameters and exception
        assertThat(points).extracting(JmhProgress.Point::parameters)
                .containsExactly("(model = sequential, parallelism = 1, taskMillis = 1, tasks = 1)");
        assertThat(progress.startedPoints()).isEqualTo(2);
        assertThat(progress.lost()).singleElement().satisfies(lost -> {
            assertThat(lost.benchmark()).isEqualTo("SleepBenchmark.batch");
            assertThat(lost.params()).containsExactly(java.util.Map.entry("model", "sequential"),
                    java.util.Map.entry("parallelism", "1"), java.util.Map.entry("taskMillis", "1"),
                    java.util.Map.entry("tasks", "0"));
            assertThat(lost).hasToString("SleepBenchmark.batch (model=sequential, parallelism=1, taskMillis=1,"
                    + " tasks=0): java.lang.IllegalArgumentException: tasks must be 1 or more, was 0");
        });
    }

    @Test
    void failureAfterAWorkersLineInTheIterationLineIsStillLostWithItsError() {
        var progress = new JmhProgress();
        List.of("# Benchmark: parbench.bench.CpuBenchmark.batch", "# Parameters: (model = process-workers, tasks = 2)",
                "Iteration   1: 18.259 ms/op",
                "Iteration   2: parbench: waiting on worker pid 9325 for task 1 (5 s of the 10 s time-out)",
                "<failure>", "",
                "parbench.bench.model.TaskFailedException: task 1 failed: worker pid 9325, task 1: timed out after 10000 ms",
                "\tat parbench.bench.process.ProcessWorkerPool.run(ProcessWorkerPool.java:1)").forEach(progress::accept);

        assertThat(progress.lost()).singleElement().hasToString("CpuBenchmark.batch (model=process-workers, tasks=2): "
                + "parbench.bench.model.TaskFailedException: task 1 failed: worker pid 9325, task 1: timed out after 10000 ms");
    }

    @Test
    void forkedVmThatDiesLosesItsPointWithJmhsLine() {
        var progress = new JmhProgress();
        List.of("# Benchmark: parbench.bench.CpuBenchmark.batch",
                "# Parameters: (model = process-workers)",
                "# Fork: 1 of 2",
                "<forked VM failed with exit code 134>",
                "<stdout last='20 lines'>").forEach(progress::accept);

        assertThat(progress.lost()).singleElement().hasToString(
                "CpuBenchmark.batch (model=process-workers): <forked VM failed with exit code 134>");
    }

    @Test
    void scoredPointsAreNotLost() {
        var progress = new JmhProgress();
        OUTPUT.forEach(progress::accept);
        assertThat(progress.startedPoints()).isEqualTo(1);
        assertThat(progress.lost()).isEmpty();
    }
}
