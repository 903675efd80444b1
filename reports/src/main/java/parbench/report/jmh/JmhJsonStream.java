package parbench.report.jmh;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import parbench.report.output.InertText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link JmhJsonReader}'s fast path: reads a JMH result file with Jackson's streaming {@link JsonParser}, token by
 * token, straight into {@link BenchmarkResult}s whose raw data are primitive {@code double[]} per fork, without the
 * {@code JsonNode} tree (an object and a boxed number per value, a hash map per object) that the tree reader builds
 * first.
 *
 * <p>It reads only the regular shape, the one JMH writes: a non-empty array of result objects with a non-blank
 * {@code benchmark} string, a {@code primaryMetric} object, string params, numbers (or JMH's {@code "NaN"},
 * {@code "+INF"}, {@code "-INF"} strings) where numbers belong, histogram counts that are whole numbers of at least 0
 * adding up to at most {@value JmhJsonReader#MAX_HISTOGRAM_TOTAL} per metric, no key twice, nothing after the array.
 * Anything else (malformed JSON, a missing field, a value of another type, an I/O failure) makes {@link #read} answer
 * empty, and the tree reader reads the file instead: its validation and error messages stay the contract, and odd but
 * accepted shapes keep its exact reading. On the regular shape both give equal results
 * ({@code JmhJsonReaderTest}).
 *
 * <p>Stateless apart from the mapper it is given (whose factory, with its parser features, it shares with the tree
 * reader, so numbers parse to the same doubles); thread-safe.
 */
final class JmhJsonStream {

    private static final String OLD_SECONDARY_PREFIX = "\u00b7";
    private static final double[][] NO_FORKS = new double[0][];

    private final ObjectMapper mapper;

    JmhJsonStream(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The file's results, or empty when the file is not of the regular shape (or cannot be read). */
    Optional<List<BenchmarkResult>> read(Path file) {
        try (InputStream in = Files.newInputStream(file); JsonParser p = mapper.createParser(in)) {
            return Optional.ofNullable(results(p));
        } catch (IOException | Irregular e) {
            return Optional.empty();
        }
    }

    /** {@code json}'s results as {@link #read(Path)} gives a file's: for {@link JmhJsonReader#warmUp}. */
    Optional<List<BenchmarkResult>> read(byte[] json) {
        try (JsonParser p = mapper.createParser(json)) {
            return Optional.ofNullable(results(p));
        } catch (IOException | Irregular e) {
            return Optional.empty();
        }
    }

    /** Thrown where the input leaves the regular shape; no stack trace, it is control flow. */
    private static final class Irregular extends Exception {
        private static final long serialVersionUID = 1L;
        static final Irregular INSTANCE = new Irregular();

        private Irregular() {
            super("not the regular JMH shape", null, false, false);
        }
    }

    private static List<BenchmarkResult> results(JsonParser p) throws IOException, Irregular {
        expect(p.nextToken() == JsonToken.START_ARRAY);
        List<BenchmarkResult> results = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            results.add(result(p));
        }
        expect(t == JsonToken.END_ARRAY && !results.isEmpty());
        expect(p.nextToken() == null); // trailing tokens: the tree reader names them
        return List.copyOf(results);
    }

    /** Field bits: each known field of a result may appear once. */
    private static final int BENCHMARK = 1, MODE = 1 << 1, THREADS = 1 << 2, FORKS = 1 << 3, JVM = 1 << 4,
            JVM_ARGS = 1 << 5, JDK_VERSION = 1 << 6, VM_NAME = 1 << 7, VM_VERSION = 1 << 8, JMH_VERSION = 1 << 9,
            WARMUP_ITERATIONS = 1 << 10, WARMUP_TIME = 1 << 11, MEASUREMENT_ITERATIONS = 1 << 12,
            MEASUREMENT_TIME = 1 << 13, PARAMS = 1 << 14, PRIMARY = 1 << 15, SECONDARY = 1 << 16;

    /** One result object, the parser on its START_OBJECT; leaves it on the END_OBJECT. */
    private static BenchmarkResult result(JsonParser p) throws IOException, Irregular {
        int seen = 0;
        String benchmark = null;
        String mode = "unknown";
        int threads = 1;
        int forks = 0;
        Optional<String> jvm = Optional.empty();
        List<String> jvmArgs = List.of();
        Optional<String> jdkVersion = Optional.empty();
        Optional<String> vmName = Optional.empty();
        Optional<String> vmVersion = Optional.empty();
        Optional<String> jmhVersion = Optional.empty();
        int warmupIterations = 0;
        String warmupTime = "";
        int measurementIterations = 0;
        String measurementTime = "";
        Map<String, String> params = Map.of();
        Metric primary = null;
        Map<String, Metric> secondaries = Map.of();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken value = p.nextToken();
            int bit = switch (field) {
                case "benchmark" -> {
                    benchmark = string(p, value);
                    expect(!benchmark.isBlank());
                    benchmark = InertText.of(benchmark);
                    yield BENCHMARK;
                }
                case "mode" -> {
                    mode = InertText.of(string(p, value));
                    yield MODE;
                }
                case "threads" -> {
                    threads = integer(p, value);
                    yield THREADS;
                }
                case "forks" -> {
                    forks = integer(p, value);
                    yield FORKS;
                }
                case "jvm" -> {
                    jvm = optionalString(p, value);
                    yield JVM;
                }
                case "jvmArgs" -> {
                    jvmArgs = strings(p, value);
                    yield JVM_ARGS;
                }
                case "jdkVersion" -> {
                    jdkVersion = optionalString(p, value);
                    yield JDK_VERSION;
                }
                case "vmName" -> {
                    vmName = optionalString(p, value);
                    yield VM_NAME;
                }
                case "vmVersion" -> {
                    vmVersion = optionalString(p, value);
                    yield VM_VERSION;
                }
                case "jmhVersion" -> {
                    jmhVersion = optionalString(p, value);
                    yield JMH_VERSION;
                }
                case "warmupIterations" -> {
                    warmupIterations = integer(p, value);
                    yield WARMUP_ITERATIONS;
                }
                case "warmupTime" -> {
                    warmupTime = InertText.of(string(p, value));
                    yield WARMUP_TIME;
                }
                case "measurementIterations" -> {
                    measurementIterations = integer(p, value);
                    yield MEASUREMENT_ITERATIONS;
                }
                case "measurementTime" -> {
                    measurementTime = InertText.of(string(p, value));
                    yield MEASUREMENT_TIME;
                }
                case "params" -> {
                    params = params(p, value);
                    yield PARAMS;
                }
                case "primaryMetric" -> {
                    primary = metric(p, value);
                    yield PRIMARY;
                }
                case "secondaryMetrics" -> {
                    secondaries = secondaries(p, value);
                    yield SECONDARY;
                }
                default -> {
                    p.skipChildren(); // a field the reader does not use, of any shape
                    yield 0;
                }
            };
            expect((seen & bit) == 0);
            seen |= bit;
        }
        expect(p.currentToken() == JsonToken.END_OBJECT && benchmark != null && primary != null);
        return new BenchmarkResult(benchmark, mode, params, threads, forks, jvm, jvmArgs, jdkVersion, vmName,
                vmVersion, jmhVersion, warmupIterations, warmupTime, measurementIterations, measurementTime, primary,
                secondaries);
    }

    private static Map<String, String> params(JsonParser p, JsonToken value) throws IOException, Irregular {
        expect(value == JsonToken.START_OBJECT);
        Map<String, String> params = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            String v = string(p, p.nextToken());
            // a key twice (or two keys alike once made inert): the tree reader's order of overwrites decides
            expect(params.put(InertText.of(name), InertText.of(v)) == null);
        }
        return params;
    }

    private static Map<String, Metric> secondaries(JsonParser p, JsonToken value) throws IOException, Irregular {
        expect(value == JsonToken.START_OBJECT);
        Map<String, Metric> secondaries = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            String key = InertText.of(name);
            Metric metric = metric(p, p.nextToken());
            expect(secondaries.put(key.startsWith(OLD_SECONDARY_PREFIX) ? key.substring(1) : key, metric) == null);
        }
        return secondaries;
    }

    private static final int SCORE = 1, SCORE_ERROR = 1 << 1, CONFIDENCE = 1 << 2, UNIT = 1 << 3, RAW = 1 << 4,
            HISTOGRAM = 1 << 5;

    /** A metric object, the parser on its START_OBJECT ({@code value}); leaves it on the END_OBJECT. */
    private static Metric metric(JsonParser p, JsonToken value) throws IOException, Irregular {
        expect(value == JsonToken.START_OBJECT);
        int seen = 0;
        double score = Double.NaN;
        double scoreError = Double.NaN;
        double low = Double.NaN;
        double high = Double.NaN;
        String unit = "";
        double[][] raw = NO_FORKS;
        List<List<List<HistogramBin>>> histogram = List.of();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            int bit;
            switch (field) {
                case "score" -> {
                    score = number(p, t);
                    bit = SCORE;
                }
                case "scoreError" -> {
                    scoreError = number(p, t);
                    bit = SCORE_ERROR;
                }
                case "scoreConfidence" -> {
                    expect(t == JsonToken.START_ARRAY);
                    int i = 0;
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        double v = number(p, e);
                        if (i == 0) {
                            low = v;
                        } else if (i == 1) {
                            high = v;
                        }
                        i++;
                    }
                    bit = CONFIDENCE;
                }
                case "scoreUnit" -> {
                    unit = InertText.of(string(p, t));
                    bit = UNIT;
                }
                case "rawData" -> {
                    raw = rawData(p, t);
                    bit = RAW;
                }
                case "rawDataHistogram" -> {
                    histogram = histogram(p, t);
                    bit = HISTOGRAM;
                }
                default -> {
                    p.skipChildren();
                    bit = 0;
                }
            }
            expect((seen & bit) == 0);
            seen |= bit;
        }
        return Metric.ofForks(score, scoreError, low, high, unit, raw, histogram);
    }

    private static double[][] rawData(JsonParser p, JsonToken value) throws IOException, Irregular {
        expect(value == JsonToken.START_ARRAY);
        List<double[]> forks = new ArrayList<>();
        double[] buffer = new double[16];
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t == JsonToken.START_ARRAY);
            int n = 0;
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                if (n == buffer.length) {
                    buffer = java.util.Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = number(p, e);
            }
            forks.add(java.util.Arrays.copyOf(buffer, n));
        }
        return forks.toArray(double[][]::new);
    }

    /** Sample mode's bins, {@code [value, count]}, with the tree reader's checks on the counts. */
    private static List<List<List<HistogramBin>>> histogram(JsonParser p, JsonToken value) throws IOException, Irregular {
        expect(value == JsonToken.START_ARRAY);
        long total = 0;
        List<List<List<HistogramBin>>> forks = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(t == JsonToken.START_ARRAY);
            List<List<HistogramBin>> iterations = new ArrayList<>();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(t == JsonToken.START_ARRAY);
                List<HistogramBin> bins = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    expect(t == JsonToken.START_ARRAY);
                    double v = number(p, p.nextToken());
                    expect(p.nextToken() == JsonToken.VALUE_NUMBER_INT);
                    JsonParser.NumberType type = p.getNumberType();
                    expect(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
                    long count = p.getLongValue();
                    total += count;
                    expect(count >= 0 && total <= JmhJsonReader.MAX_HISTOGRAM_TOTAL);
                    expect(p.nextToken() == JsonToken.END_ARRAY);
                    bins.add(new HistogramBin(v, count));
                }
                iterations.add(bins);
            }
            forks.add(iterations);
        }
        return forks;
    }

    /** A number, or one of JMH's strings for non-finite values ({@link JmhJsonReader#number}'s reading); null is NaN. */
    private static double number(JsonParser p, JsonToken t) throws IOException, Irregular {
        expect(t != null);
        return switch (t) {
            case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> p.getDoubleValue();
            case VALUE_STRING -> JmhJsonReader.number(p.getText());
            case VALUE_NULL -> Double.NaN;
            default -> throw Irregular.INSTANCE;
        };
    }

    private static String string(JsonParser p, JsonToken t) throws IOException, Irregular {
        expect(t == JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static Optional<String> optionalString(JsonParser p, JsonToken t) throws IOException, Irregular {
        return t == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(InertText.of(string(p, t)));
    }

    private static int integer(JsonParser p, JsonToken t) throws IOException, Irregular {
        expect(t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
        return p.getIntValue();
    }

    private static List<String> strings(JsonParser p, JsonToken value) throws IOException, Irregular {
        expect(value == JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            values.add(InertText.of(string(p, t)));
        }
        return values;
    }

    private static void expect(boolean regular) throws Irregular {
        if (!regular) {
            throw Irregular.INSTANCE;
        }
    }
}
