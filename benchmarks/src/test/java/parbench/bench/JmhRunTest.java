package parbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import parbench.workload.stub.StubConfig;
import parbench.workload.stub.StubFaults;
import parbench.workload.stub.WikipediaStub;

/** A real, tiny JMH run of one benchmark, in this JVM, writing real JMH JSON. */
class JmhRunTest {

    @Test
    void sleepBenchmarkWritesJsonWithItsNameParamsAndPeakInFlight(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("sleep.json");
        var options = new OptionsBuilder()
                .include(SleepBenchmark.class.getName() + ".batch")
                .param("model", "fixed-pool")
                .param("parallelism", "4")
                .param("tasks", "8")
                .param("taskMillis", "1")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .build();

        runIgnoringOtherJmhRuns(options);

        JsonNode results = new ObjectMapper().readTree(json.toFile());
        assertThat(results).hasSize(1);
        JsonNode result = results.get(0);
        assertThat(result.get("benchmark").asText()).isEqualTo("parbench.bench.SleepBenchmark.batch");
        assertThat(result.get("mode").asText()).isEqualTo("avgt");
        assertThat(result.get("params").get("model").asText()).isEqualTo("fixed-pool");
        assertThat(result.get("params").get("parallelism").asText()).isEqualTo("4");
        assertThat(result.get("params").get("tasks").asText()).isEqualTo("8");
        assertThat(result.get("primaryMetric").get("scoreUnit").asText()).isEqualTo("ms/op");
        assertThat(result.get("secondaryMetrics").get("peakInFlight").get("score").asDouble()).isBetween(1.0, 4.0);
    }

    @Test
    void wrongOutputFailsThePointInTheIterationsCheck() {
        // GIVEN a stub that answers 500 to every page: the checker returns "<url> - unknown", a wrong output
        try (var stub = WikipediaStub.start(StubConfig.defaults()
                .withFaults(new StubFaults(1.0, 0, 0, StubFaults.DEFAULT_SLOW_DELAY)))) {
            System.setProperty(WikiBenchmark.STUB_URL_PROPERTY, stub.baseUrl());
            System.setProperty(WikiBenchmark.STUB_LATENCY_PROPERTY, "0");
            var options = new OptionsBuilder()
                    .include(WikiBenchmark.class.getName() + ".batch")
                    .param("model", "fork-join")
                    .param("parallelism", "2")
                    .param("tasks", "4")
                    .param("latencyMillis", "0")
                    .forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100))
                    .shouldFailOnError(true)
                    .build();

            // WHEN JMH runs the point THEN the iteration's check fails it, naming the model, task and outputs
            assertThatThrownBy(() -> runIgnoringOtherJmhRuns(options))
                    .isInstanceOf(RunnerException.class)
                    .hasStackTraceContaining("model 'fork-join' returned a wrong output for task 0")
                    .hasStackTraceContaining(" - unknown");
        } finally {
            System.clearProperty(WikiBenchmark.STUB_URL_PROPERTY);
            System.clearProperty(WikiBenchmark.STUB_LATENCY_PROPERTY);
        }
    }

    /** Other builds on this machine may hold JMH's global lock; this run is in-process and needs no exclusivity. */
    private static void runIgnoringOtherJmhRuns(org.openjdk.jmh.runner.options.Options options) throws RunnerException {
        String previous = System.setProperty("jmh.ignoreLock", "true");
        try {
            new Runner(options).run();
        } finally {
            if (previous == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", previous);
            }
        }
    }
}
