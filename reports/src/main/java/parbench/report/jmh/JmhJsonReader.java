package parbench.report.jmh;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import parbench.report.output.InertText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JMH JSON result file (the array {@code -rf json} writes) into {@link BenchmarkResult}s.
 *
 * <p>Accepts every JMH version's output: files before 1.19 (no {@code jmhVersion}, {@code jvm}, {@code vmName}),
 * all modes, sample-mode histograms, non-finite numbers written as the strings {@code "NaN"}, {@code "+INF"},
 * {@code "-INF"}, secondary metrics named with or without the old {@code ·} prefix, absent params, and repeated
 * benchmark+params. Anything else is a {@link BadInputException} whose message names the file and the reason.
 * Every string read is made {@link InertText}: the files are untrusted, and their names reach terminals and
 * Markdown.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JmhJsonReader {

    private static final String OLD_SECONDARY_PREFIX = "\u00b7";

    /** The most operations one metric's histogram may count: 2^53. */
    public static final long MAX_HISTOGRAM_TOTAL = 1L << 53;

    /**
     * Numbers are most of a JMH file (every iteration of every fork), and the JDK's {@code Double.parseDouble} takes
     * a big-integer path for the 17-digit values JMH writes: Jackson's bundled FastDoubleParser (Lemire, "Number
     * Parsing at a Gigabyte per Second", Software: Practice and Experience 51(8), 2021) gives the same correctly
     * rounded doubles several times faster.
     */
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** The streaming fast path for the regular shape; the tree below reads everything else. */
    private final JmhJsonStream stream = new JmhJsonStream(mapper);

    /**
     * Reads {@code file}; every failure is a {@link BadInputException} naming {@code file}. A file of the shape JMH
     * writes is streamed ({@link JmhJsonStream}); any other, and every file with an error, is read as a tree, which
     * gives the same results on the regular shape and defines every error message.
     */
    public JmhResultFile read(Path file) throws BadInputException {
        InputPath.requireFile(file);
        var streamed = stream.read(file);
        if (streamed.isPresent()) {
            return new JmhResultFile(file, streamed.get());
        }
        return readTree(file);
    }

    /**
     * The results of a small JMH document of {@code results} rows (2 forks of 3 iterations around {@code score} ms), read
     * by the streaming path: for a command to load and initialise the reader's classes (Jackson's parser,
     * FastDoubleParser) on another thread while its arguments are parsed. Reads no file.
     */
    public static List<BenchmarkResult> warmUp(int results, double score) {
        String fork = "[%1$s,%2$s,%1$s]".formatted(score, score * 1.01);
        String result = ("{\"jmhVersion\":\"1.37\",\"benchmark\":\"parbench.WarmUp.batch\",\"mode\":\"avgt\","
                + "\"threads\":1,\"forks\":2,\"jvm\":\"java\",\"jvmArgs\":[],\"jdkVersion\":\"25\","
                + "\"vmName\":\"VM\",\"vmVersion\":\"25\",\"warmupIterations\":1,\"warmupTime\":\"200 ms\","
                + "\"warmupBatchSize\":1,\"measurementIterations\":3,\"measurementTime\":\"200 ms\","
                + "\"measurementBatchSize\":1,\"params\":{\"model\":\"m%d\"},\"primaryMetric\":{\"score\":"
                + score + ",\"scoreError\":0.001,\"scoreConfidence\":[" + score + "," + score + "],"
                + "\"scorePercentiles\":{\"50.0\":" + score + "},\"scoreUnit\":\"ms/op\",\"rawData\":["
                + fork + "," + fork + "]},\"secondaryMetrics\":{}}");
        var document = new StringBuilder("[");
        for (int i = 0; i < results; i++) {
            document.append(i == 0 ? "" : ",").append(result.formatted(i));
        }
        return new JmhJsonReader().stream
                .read(document.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .orElseThrow();
    }

    /** The fast path alone: the results when the file has the regular shape, else empty. */
    java.util.Optional<List<BenchmarkResult>> streamed(Path file) {
        return stream.read(file);
    }

    /** {@link #read} without the fast path: the tree reader alone (what tests compare the fast path with). */
    JmhResultFile readTree(Path file) throws BadInputException {
        InputPath.requireFile(file);
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file, "cannot be read (permission denied)", e);
        } catch (JsonEOFException e) {
            throw new BadInputException(file, "truncated JSON: the file ends " + where(e.getLocation())
                    + " before the JSON is complete", e);
        } catch (JsonProcessingException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
                throw new BadInputException(file, "truncated JSON: the file ends " + where(e.getLocation())
                        + " before the JSON is complete", e);
            }
            throw new BadInputException(file, "not JSON: " + oneLine(e.getOriginalMessage()) + " " + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + oneLine(String.valueOf(e.getMessage())), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new BadInputException(file, "empty file, expected a JMH JSON result array");
        }
        return new JmhResultFile(file, parse(file, root));
    }

    /** Parses an already-read JSON tree; {@code file} only names the source in errors. */
    public List<BenchmarkResult> parse(Path file, JsonNode root) throws BadInputException {
        if (!root.isArray()) {
            throw new BadInputException(file, "not a JMH result file: expected a JSON array of results, found "
                    + describe(root));
        }
        if (root.isEmpty()) {
            throw new BadInputException(file, "no results: the JSON array is empty");
        }
        List<BenchmarkResult> results = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            results.add(result(file, i, root.get(i)));
        }
        return List.copyOf(results);
    }

    private BenchmarkResult result(Path file, int index, JsonNode node) throws BadInputException {
        checkHistograms(file, index, node);
        if (!node.isObject()) {
            throw new BadInputException(file, "result #" + (index + 1) + " is " + describe(node) + ", expected an object");
        }
        JsonNode benchmark = node.get("benchmark");
        if (benchmark == null || !benchmark.isTextual() || benchmark.asText().isBlank()) {
            throw new BadInputException(file, "result #" + (index + 1) + " has no \"benchmark\" name: not JMH JSON");
        }
        JsonNode primary = node.get("primaryMetric");
        if (primary == null || !primary.isObject()) {
            throw new BadInputException(file, "result #" + (index + 1) + " (" + benchmark.asText()
                    + ") has no \"primaryMetric\" object: not JMH JSON");
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = node.path("params");
        paramsNode.properties().forEach(e -> params.put(InertText.of(e.getKey()), InertText.of(e.getValue().asText())));
        Map<String, Metric> secondaries = new LinkedHashMap<>();
        for (var e : node.path("secondaryMetrics").properties()) {
            String key = InertText.of(e.getKey());
            String name = key.startsWith(OLD_SECONDARY_PREFIX) ? key.substring(1) : key;
            if (e.getValue().isObject()) {
                secondaries.put(name, metric(e.getValue()));
            }
        }
        return new BenchmarkResult(
                InertText.of(benchmark.asText()),
                InertText.of(node.path("mode").asText("unknown")),
                params,
                node.path("threads").asInt(1),
                node.path("forks").asInt(0),
                text(node, "jvm"),
                strings(node.path("jvmArgs")),
                text(node, "jdkVersion"),
                text(node, "vmName"),
                text(node, "vmVersion"),
                text(node, "jmhVersion"),
                node.path("warmupIterations").asInt(0),
                InertText.of(node.path("warmupTime").asText("")),
                node.path("measurementIterations").asInt(0),
                InertText.of(node.path("measurementTime").asText("")),
                metric(primary),
                secondaries);
    }

    /**
     * Refuses histogram counts no JMH run can produce: negative, fractional, or adding up past
     * {@value #MAX_HISTOGRAM_TOTAL} (2^53, where a double stops counting exactly) in one metric.
     * Consumers size arrays from these sums; a sum that overflows a long turns negative.
     */
    private static void checkHistograms(Path file, int index, JsonNode node) throws BadInputException {
        String name = node.path("benchmark").asText();
        List<JsonNode> metrics = new ArrayList<>();
        metrics.add(node.path("primaryMetric"));
        node.path("secondaryMetrics").forEach(metrics::add);
        for (JsonNode metric : metrics) {
            long total = 0;
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                for (JsonNode iteration : fork) {
                    for (JsonNode bin : iteration) {
                        JsonNode count = bin.path(1);
                        if (count.isMissingNode() || count.isNull()) {
                            continue;
                        }
                        if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
                            throw new BadInputException(file, "result #" + (index + 1) + " (" + name
                                    + ") has a rawDataHistogram count that is not a whole number of at least 0: "
                                    + oneLine(count.toString()));
                        }
                        total += count.asLong();
                        if (total > MAX_HISTOGRAM_TOTAL || total < 0) {
                            throw new BadInputException(file, "result #" + (index + 1) + " (" + name
                                    + ") has rawDataHistogram counts adding up past " + MAX_HISTOGRAM_TOTAL
                                    + ": not a real JMH histogram");
                        }
                    }
                }
            }
        }
    }

    private static Metric metric(JsonNode node) {
        JsonNode confidence = node.path("scoreConfidence");
        List<List<Double>> raw = new ArrayList<>();
        for (JsonNode fork : node.path("rawData")) {
            List<Double> values = new ArrayList<>();
            fork.forEach(v -> values.add(number(v)));
            raw.add(values);
        }
        List<List<List<HistogramBin>>> histogram = new ArrayList<>();
        for (JsonNode fork : node.path("rawDataHistogram")) {
            List<List<HistogramBin>> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                List<HistogramBin> bins = new ArrayList<>();
                for (JsonNode bin : iteration) {
                    bins.add(new HistogramBin(number(bin.path(0)), bin.path(1).asLong(0)));
                }
                iterations.add(bins);
            }
            histogram.add(iterations);
        }
        return new Metric(
                number(node.path("score")),
                number(node.path("scoreError")),
                number(confidence.path(0)),
                number(confidence.path(1)),
                InertText.of(node.path("scoreUnit").asText("")),
                raw,
                histogram);
    }

    /** A JSON number, or JMH's strings for non-finite values; NaN for anything absent or unreadable. */
    static double number(JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            return number(node.asText());
        }
        return Double.NaN;
    }

    /** A JSON string where a number belongs: JMH's names for non-finite values, or a number in text; else NaN. */
    static double number(String value) {
        String text = value.trim();
        return switch (text) {
            case "NaN", "nan" -> Double.NaN;
            case "+INF", "INF", "Infinity", "+Infinity", "inf" -> Double.POSITIVE_INFINITY;
            case "-INF", "-Infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    yield Double.NaN;
                }
            }
        };
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(InertText.of(value.asText()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(InertText.of(v.asText())));
        return values;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : "at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").trim();
    }
}
