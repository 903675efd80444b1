package parbench.report.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class JmhJsonReaderTest {

    private final JmhJsonReader reader = new JmhJsonReader();

    @ParameterizedTest
    @CsvSource({
            "real-jmh-1.37-thrpt.json,  thrpt,  ops/s",
            "real-jmh-1.37-avgt.json,   avgt,   us/op",
            "real-jmh-1.37-sample.json, sample, ns/op",
            "real-jmh-1.37-ss.json,     ss,     ms/op"})
    void readsRealJmhOutputOfEveryMode(String fixture, String mode, String unit) throws BadInputException {
        var file = reader.read(Fixtures.jmh(fixture));

        assertThat(file.results()).hasSize(2);
        var first = file.results().getFirst();
        assertThat(first.benchmark()).isEqualTo("parbench.report.fixture.TinyBenchmark.batch");
        assertThat(first.mode()).isEqualTo(mode);
        assertThat(first.primaryMetric().unit()).isEqualTo(unit);
        assertThat(first.params()).containsEntry("model", "sequential").containsEntry("tasks", "4");
        assertThat(first.jmhVersion()).contains("1.37");
        assertThat(first.jdkVersion()).isPresent();
        assertThat(first.primaryMetric().score()).isPositive();
    }

    @Test
    void sampleModeCountsTheOperationsInItsHistogram() throws BadInputException {
        var metric = reader.read(Fixtures.jmh("real-jmh-1.37-sample.json")).results().getFirst().primaryMetric();

        assertThat(metric.rawDataHistogram()).hasSize(1);
        assertThat(metric.rawDataHistogram().getFirst()).hasSize(3);
        assertThat(metric.sampleCount()).isGreaterThan(metric.iterationCount());
    }

    @Test
    void secondaryMetricsKeepTheirJmh137Names() throws BadInputException {
        var result = reader.read(Fixtures.jmh("real-jmh-1.37-avgt.json")).results().getFirst();

        assertThat(result.secondaryMetrics()).containsKeys("gc.alloc.rate", "gc.alloc.rate.norm");
    }

    @Test
    void oldDotPrefixedSecondaryMetricsAreReadUnderTheNewName() throws BadInputException {
        var result = reader.read(Fixtures.jmh("handwritten-jmh-1.17-old-format.json")).results().getFirst();

        assertThat(result.secondaryMetrics()).containsOnlyKeys("gc.alloc.rate");
        assertThat(result.secondaryMetrics().get("gc.alloc.rate").score()).isEqualTo(10.5);
    }

    @Test
    void filesBeforeJmh119HaveNoVersionsAndStillRead() throws BadInputException {
        var result = reader.read(Fixtures.jmh("handwritten-jmh-1.17-old-format.json")).results().getFirst();

        assertThat(result.jmhVersion()).isEmpty();
        assertThat(result.jvm()).isEmpty();
        assertThat(result.jdkVersion()).isEmpty();
        assertThat(result.params()).isEmpty();
        assertThat(result.primaryMetric().rawData()).hasSize(2);
        assertThat(result.primaryMetric().sampleCount()).isEqualTo(4);
    }

    @Test
    void nonFiniteNumberStringsBecomeNonFiniteDoubles() throws BadInputException {
        var results = reader.read(Fixtures.jmh("handwritten-nan-and-infinity-strings.json")).results();

        assertThat(results.get(0).primaryMetric().scoreError()).isNaN();
        assertThat(results.get(0).primaryMetric().confidenceLow()).isNaN();
        assertThat(results.get(1).primaryMetric().score()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(results.get(1).primaryMetric().scoreError()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(results.get(1).primaryMetric().rawValues()).containsExactly(Double.POSITIVE_INFINITY, Double.NaN);
    }

    @Test
    void repeatedBenchmarkAndParamsAreAllKept() throws BadInputException {
        var results = reader.read(Fixtures.jmh("handwritten-repeated-benchmark.json")).results();

        assertThat(results).hasSize(2);
        assertThat(results.get(0).key()).isEqualTo(results.get(1).key());
    }

    @Test
    void readsSeveralThousandResults(@TempDir Path dir) throws IOException, BadInputException {
        String one = Files.readString(Fixtures.jmh("handwritten-repeated-benchmark.json")).trim();
        String element = one.substring(1, one.indexOf("}},") + 2);
        Path file = dir.resolve("big.json");
        Files.writeString(file, "[" + String.join(",", java.util.Collections.nCopies(5000, element)) + "]");

        assertThat(reader.read(file).results()).hasSize(5000);
    }

    @Test
    void unitsNormaliseToMillisecondsPerOperationAndOperationsPerSecond() {
        assertThat(TimeUnits.normalised("us/op")).isEqualTo("ms/op");
        assertThat(TimeUnits.normalised("ops/ms")).isEqualTo("ops/s");
        assertThat(TimeUnits.normalised("MB/sec")).isEqualTo("MB/sec");
        assertThat(TimeUnits.factor("us/op", "ms/op")).isCloseTo(1e-3, within(1e-12));
        assertThat(TimeUnits.factor("ops/ms", "ops/s")).isCloseTo(1e3, within(1e-9));
    }

    @Test
    void missingFileIsBadInputNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.json");

        assertThatThrownBy(() -> reader.read(missing))
                .isInstanceOf(BadInputException.class)
                .hasMessage(missing + ": no such file or directory");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hello world          | not JSON",
            "[{\"benchmark\": \"a\"  | truncated JSON",
            "{\"benchmark\": \"a\"}  | expected a JSON array of results, found an object",
            "[]                   | no results: the JSON array is empty",
            "[1, 2]               | result #1 is a number, expected an object",
            "[{\"x\": 1}]           | result #1 has no \"benchmark\" name",
            "[{\"benchmark\": \"a\"}] | result #1 (a) has no \"primaryMetric\" object"})
    void badContentIsBadInputWithItsReason(String content, String reason, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content);

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest(name = "counts {0}")
    @CsvSource(delimiter = '|', value = {
            "9223372036854775807, 9223372036854775807 | counts adding up past 9007199254740992",
            "9007199254740992, 1                      | counts adding up past 9007199254740992",
            "-1, 5                                    | count that is not a whole number of at least 0: -1",
            "1.5, 5                                   | count that is not a whole number of at least 0: 1.5",
            "99999999999999999999999, 1               | count that is not a whole number of at least 0: 99999999999999999999999"})
    void impossibleHistogramCountsAreBadInput(String counts, String reason, @TempDir Path dir) throws IOException {
        String[] c = counts.split(",\\s*");
        Path file = dir.resolve("histogram.json");
        Files.writeString(file, """
                [{"benchmark": "a.B.c", "mode": "sample", "primaryMetric": {"score": 1.0, "scoreUnit": "ms/op",
                  "rawDataHistogram": [[[[1.0, %s], [2.0, %s]]]]}}]
                """.formatted(c[0], c[1]));

        assertThatThrownBy(() -> reader.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": result #1 (a.B.c) has ")
                .hasMessageContaining(reason)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aDirectoryIsNotAResultFile(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": is a directory, expected a file");
    }
}
