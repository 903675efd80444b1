package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonForksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path fork(String name, String model, double... iterations) throws Exception {
        var raw = JSON.createArrayNode();
        var row = raw.addArray();
        for (double v : iterations) {
            row.add(v);
        }
        var point = JSON.createObjectNode();
        point.put("benchmark", "parbench.bench.CpuBenchmark.batch").put("mode", "avgt").put("forks", 1);
        point.putObject("params").put("model", model).put("parallelism", "2");
        var metric = point.putObject("primaryMetric");
        metric.put("score", 0.0).putObject("scorePercentiles").put("0.0", 0.0).put("50.0", 0.0).put("100.0", 0.0);
        metric.set("rawData", raw);
        Path file = dir.resolve(name);
        JSON.writeValue(file.toFile(), List.of(point));
        return file;
    }

    @Test
    void forksBecomeRawDataRowsAndTheScoreIsRecomputedOverAllIterations() throws Exception {
        // GIVEN two interpreter processes that measured the same point: 1, 2, 3 and 4, 5, 6 ms
        Path first = fork("a.json", "py-thread-pool", 1, 2, 3);
        Path second = fork("b.json", "py-thread-pool", 4, 5, 6);
        Path target = dir.resolve("python-cores-2.json");

        // WHEN they are joined
        PythonForks.join(List.of(first, second, dir.resolve("missing.json")), target);

        // THEN one point with two forks; mean 3.5, sd sqrt(3.5), t(0.9995, 5) = 6.8688 (tables): error 5.2463
        JsonNode point = JSON.readTree(target.toFile()).get(0);
        assertThat(point.get("forks").asInt()).isEqualTo(2);
        JsonNode metric = point.get("primaryMetric");
        assertThat(metric.get("rawData").toString()).isEqualTo("[[1.0,2.0,3.0],[4.0,5.0,6.0]]");
        assertThat(metric.get("score").asDouble()).isEqualTo(3.5);
        assertThat(metric.get("scoreError").asDouble()).isCloseTo(6.8688 * Math.sqrt(3.5) / Math.sqrt(6), within(1e-3));
        assertThat(metric.get("scorePercentiles").get("0.0").asDouble()).isEqualTo(1.0);
        assertThat(metric.get("scorePercentiles").get("50.0").asDouble()).isEqualTo(3.5);
        assertThat(metric.get("scorePercentiles").get("100.0").asDouble()).isEqualTo(6.0);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain(".python-cores-2.json.partial");
    }

    @Test
    void aPointOnlyOneForkWroteKeepsThatForksRowAndTwoSamplesHaveNoError() throws Exception {
        Path first = fork("a.json", "py-process-pool", 1, 3);
        Path second = dir.resolve("b.json");
        JSON.writeValue(second.toFile(), List.of());
        Path target = dir.resolve("joined.json");

        PythonForks.join(List.of(first, second), target);

        JsonNode metric = JSON.readTree(target.toFile()).get(0).get("primaryMetric");
        assertThat(metric.get("rawData").size()).isEqualTo(1);
        assertThat(metric.get("score").asDouble()).isEqualTo(2.0);
        assertThat(metric.get("scoreError").asText()).isEqualTo("NaN");
    }

    @Test
    void rowsAlreadyInTheTargetFromAnotherInterpreterAreKept() throws Exception {
        // GIVEN python-cores-2.json already holding another interpreter's point
        Path target = dir.resolve("python-cores-2.json");
        Files.copy(fork("other.json", "py-sequential", 7, 8, 9), target);
        Path first = fork("a.json", "py-thread-pool", 1, 2, 3);

        // WHEN this interpreter's forks are joined into it
        PythonForks.join(List.of(first), target);

        // THEN both points are there, the earlier one first and unchanged
        JsonNode joined = JSON.readTree(target.toFile());
        assertThat(joined).extracting(point -> point.get("params").get("model").asText())
                .containsExactly("py-sequential", "py-thread-pool");
        assertThat(joined.get(0).get("primaryMetric").get("rawData").toString()).isEqualTo("[[7.0,8.0,9.0]]");
    }
}
