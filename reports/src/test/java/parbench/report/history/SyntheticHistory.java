package parbench.report.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * SYNTHETIC input, never a measurement: writes parbench-shaped run directories (manifest.json plus cores-c.json in
 * JMH 1.37's format, 2 forks × 5 iterations) whose values the test chooses, with seeded Gaussian noise, so history
 * tests know exactly where the steps are.
 *
 * @param cpuModel the manifest's CPU model (the testbed fingerprint)
 * @param cores    logical cores, and the core count of the one result file
 * @param jdk      the JDK version
 * @param noise    the coefficient of variation of the iterations
 */
public record SyntheticHistory(String cpuModel, int cores, String jdk, double noise) {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    public static final Instant START = Instant.parse("2026-10-01T00:00:00Z");

    /** A 2-core Xeon on JDK 25 with 1 % noise. */
    public static SyntheticHistory xeon() {
        return new SyntheticHistory("Intel(R) Xeon(R) Processor", 2, "25.0.1", 0.01);
    }

    /**
     * Writes run number {@code index} (its commit {@code c<index>}, its time {@code START + index hours}) into
     * {@code dir}: one {@code SleepBenchmark.batch} result per model, each centred on the given milliseconds.
     */
    public Path write(Path dir, int index, Map<String, Double> millisByModel, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        ArrayNode results = MAPPER.createArrayNode();
        millisByModel.forEach((model, millis) -> results.add(result(model, millis, random)));
        Files.writeString(dir.resolve("cores-" + cores + ".json"),
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("parbenchVersion", "0.1.0-SNAPSHOT (SYNTHETIC data, not a measurement)");
        manifest.putObject("git").put("commit", "c" + index).put("dirty", false);
        manifest.put("startedAt", START.plusSeconds(3600L * index).toString());
        manifest.put("host", "synthetic-host");
        manifest.putObject("os").put("name", "Linux").put("version", "6.1.0").put("arch", "amd64");
        manifest.putObject("cpu").put("model", cpuModel).put("logicalCores", cores).put("physicalCores", cores);
        manifest.put("memoryBytes", 25769803776L);
        manifest.putObject("jdk").put("vendor", "Eclipse Adoptium").put("version", jdk);
        manifest.put("jmhVersion", "1.37").put("profile", "synthetic");
        manifest.putArray("coreCounts").addObject().put("cores", cores).put("enforcement", "taskset")
                .put("status", "ok").put("resultFile", "cores-" + cores + ".json");
        Files.writeString(dir.resolve("manifest.json"),
                MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return dir;
    }

    private ObjectNode result(String model, double millis, Random random) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("jmhVersion", "1.37").put("benchmark", "parbench.bench.SleepBenchmark.batch").put("mode", "avgt")
                .put("threads", 1).put("forks", 2).put("jdkVersion", jdk).put("vmName", "OpenJDK 64-Bit Server VM")
                .put("warmupIterations", 1).put("warmupTime", "1 s").put("measurementIterations", 5)
                .put("measurementTime", "1 s");
        r.putObject("params").put("model", model).put("parallelism", "2").put("taskMillis", "10").put("tasks", "10");
        ObjectNode primary = r.putObject("primaryMetric");
        ArrayNode raw = MAPPER.createArrayNode();
        double sum = 0;
        for (int f = 0; f < 2; f++) {
            ArrayNode fork = raw.addArray();
            for (int i = 0; i < 5; i++) {
                double v = millis * (1 + noise * random.nextGaussian());
                fork.add(v);
                sum += v;
            }
        }
        primary.put("score", sum / 10).put("scoreError", millis * noise).put("scoreUnit", "ms/op");
        primary.putArray("scoreConfidence").add(sum / 10 - millis * noise).add(sum / 10 + millis * noise);
        primary.set("rawData", raw);
        r.putObject("secondaryMetrics");
        return r;
    }
}
