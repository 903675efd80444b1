package parbench.report.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.jmh.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdsTest {

    private static ComparisonKey key(String benchmark, Map<String, String> params) {
        return new ComparisonKey(benchmark, "avgt", params, 2, "score", "ms/op");
    }

    @Test
    void theFirstMatchingRuleWinsAndTheRegexMayContainEquals(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("thresholds.txt");
        Files.writeString(file, """
                # noisy start-up
                model=process-spawn=20%
                SleepBenchmark=2
                Sleep=50%
                """);

        Thresholds t = Thresholds.read(file, 0.05);

        assertThat(t.forKey(key("parbench.bench.SleepBenchmark.batch", Map.of("model", "process-spawn")))).isEqualTo(0.20);
        assertThat(t.forKey(key("parbench.bench.SleepBenchmark.batch", Map.of("model", "fixed-pool")))).isEqualTo(0.02);
        assertThat(t.forKey(key("parbench.bench.CpuBenchmark.batch", Map.of()))).isEqualTo(0.05);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no equals      | SleepBenchmark 5%  | line 1: expected regex=percent",
            "bad percent    | Sleep=five         | line 1: 'five' is not a percentage",
            "bad regex      | Sleep(=5           | line 1: bad regex"})
    void aBadLineNamesTheFileAndTheLine(String name, String line, String reason, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("thresholds.txt");
        Files.writeString(file, line + "\n");

        assertThatThrownBy(() -> Thresholds.read(file, 0.05)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": " + reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"5%, 0.05", "5, 0.05", "0.5%, 0.005", " 12 % , 0.12"})
    void percentagesParse(String text, double fraction) {
        assertThat(Thresholds.percent(text)).isCloseTo(fraction, org.assertj.core.api.Assertions.within(1e-12));
    }

    @ParameterizedTest
    @CsvSource({"abc", "-1%", "NaN", "5x", "1000%"})
    void badPercentagesAreRejectedNamingTheValue(String text) {
        assertThatThrownBy(() -> Thresholds.percent(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
