package parbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
