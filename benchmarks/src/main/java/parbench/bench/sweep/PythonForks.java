package parbench.bench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The Python side's forks: the harness run in several interpreter processes at one core count,
 * each writing JMH-format JSON with one fork of raw data a point, joined into one file whose
 * points hold one {@code rawData} row per process, as JMH's forks do. The score, its 99.9 %
 * interval and the percentiles are recomputed over every iteration the way JMH computes them
 * (Student's t on the pooled iterations, Commons Math's legacy percentile); secondary metrics are
 * the first process's. A point some process did not write keeps the rows of those that did.
 * Stateless.
 */
final class PythonForks {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double CONFIDENCE = 0.999;

    private PythonForks() {}

    /**
     * Joins the JSON arrays of {@code files} (those that exist; in fork order) into {@code target}.
     * Points already in {@code target} that the forks did not measure (another interpreter's rows)
     * are kept, first.
     *
     * @throws IOException naming the file that is no JMH JSON array
     */
    static void join(List<Path> files, Path target) throws IOException {
        var points = new LinkedHashMap<String, ObjectNode>();
        var rows = new LinkedHashMap<String, List<JsonNode>>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode array;
            try {
                array = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new IOException("reading the Python harness's results " + file, e);
            }
            if (!array.isArray()) {
                throw new IOException("not a JMH JSON array: " + file);
            }
            for (JsonNode result : array) {
                String key = key(result);
                points.putIfAbsent(key, (ObjectNode) result.deepCopy());
                result.path("primaryMetric").path("rawData").forEach(row ->
                        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row));
            }
        }
        ArrayNode joined = JSON.createArrayNode();
        if (Files.isRegularFile(target) && Files.size(target) > 0) {
            JsonNode existing;
            try {
                existing = JSON.readTree(target.toFile());
            } catch (IOException e) {
                throw new IOException("reading the results already in " + target, e);
            }
            for (JsonNode result : existing) {
                if (!points.containsKey(key(result))) {
                    joined.add(result);
                }
            }
        }
        points.forEach((key, point) -> {
            List<JsonNode> forks = rows.getOrDefault(key, List.of());
            point.put("forks", forks.size());
            ObjectNode metric = (ObjectNode) point.path("primaryMetric");
            ArrayNode raw = metric.putArray("rawData");
            var values = new ArrayList<Double>();
            for (JsonNode row : forks) {
                raw.add(row.deepCopy());
                row.forEach(value -> values.add(value.asDouble()));
            }
            score(metric, values.stream().mapToDouble(Double::doubleValue).toArray());
            joined.add(point);
        });
        AtomicFile.write(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(joined));
    }

    /** What identifies a point across forks: benchmark, mode and params. */
    private static String key(JsonNode result) {
        return result.path("benchmark").asText() + " " + result.path("mode").asText() + " " + result.path("params");
    }

    /** JMH's score, scoreError, scoreConfidence and scorePercentiles of {@code values}. */
    static void score(ObjectNode metric, double[] values) {
        int n = values.length;
        double mean = java.util.Arrays.stream(values).average().orElse(Double.NaN);
        double error = Double.NaN;
        if (n > 2) {
            double sum = 0;
            for (double v : values) {
                sum += (v - mean) * (v - mean);
            }
            double sd = Math.sqrt(sum / (n - 1));
            error = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2) * sd / Math.sqrt(n);
        }
        put(metric, "score", mean);
        put(metric, "scoreError", error);
        ArrayNode confidence = metric.putArray("scoreConfidence");
        number(confidence, mean - error);
        number(confidence, mean + error);
        JsonNode ranks = metric.path("scorePercentiles");
        if (ranks.isObject()) {
            var percentiles = JsonNodeFactory.instance.objectNode();
            var percentile = new Percentile();
            Iterator<Map.Entry<String, JsonNode>> fields = ranks.fields();
            while (fields.hasNext()) {
                String rank = fields.next().getKey();
                double p = Double.parseDouble(rank);
                double value = n == 0 ? Double.NaN
                        : p == 0 ? java.util.Arrays.stream(values).min().orElseThrow() : percentile.evaluate(values, p);
                put(percentiles, rank, value);
            }
            metric.set("scorePercentiles", percentiles);
        }
    }

    /** A number as JMH writes it: non-finite ones as the strings {@code NaN}, {@code Infinity}. */
    private static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.put(name, String.valueOf(value));
        }
    }

    private static void number(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.add(String.valueOf(value));
        }
    }
}
