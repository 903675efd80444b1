package parbench.report.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import parbench.report.fixture.SyntheticComparison;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming fast path ({@link JmhJsonStream}) reads what the tree reader reads, or leaves the file to it. */
class JmhJsonStreamTest {

    private final JmhJsonReader reader = new JmhJsonReader();

    /** Every JMH result file among the test resources: real JMH output, hand-written odd shapes, run directories. */
    static Stream<Path> resultFiles() throws IOException, URISyntaxException {
        Path root = Path.of(JmhJsonStreamTest.class.getResource("/jmh").toURI()).getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("(python-)?cores-\\d+\\.json")
                    || p.getParent().getFileName().toString().equals("jmh") && p.toString().endsWith(".json"))
                    .sorted().toList();
            assertThat(found).hasSizeGreaterThan(20);
            return found.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("resultFiles")
    void streamingGivesTheTreeReadersResults(Path file) throws BadInputException {
        var tree = reader.readTree(file).results();

        assertThat(reader.read(file).results()).isEqualTo(tree);
        reader.streamed(file).ifPresent(streamed -> assertThat(streamed).isEqualTo(tree));
    }

    @ParameterizedTest
    @MethodSource("resultFiles")
    void realJmhOutputAndRunDirectoriesTakeTheFastPath(Path file) {
        boolean handwritten = file.getFileName().toString().startsWith("handwritten-");

        if (!handwritten) {
            assertThat(reader.streamed(file)).as("streamed %s", file).isPresent();
        }
    }

    @Test
    void syntheticComparisonInputIsStreamedAsTheTreeReadsIt(@TempDir Path dir) throws IOException, BadInputException {
        Path plain = dir.resolve("plain.json");
        Path forked = dir.resolve("forked.json");
        SyntheticComparison.write(plain, new SyntheticComparison.Spec(300, "avgt", "us/op", 1.0, 0.02, 10, 7));
        SyntheticComparison.write(forked, SyntheticComparison.forkedResults(50, 3, 5, 1.0, 0.05, 0.02, 3, false));

        for (Path file : List.of(plain, forked)) {
            assertThat(reader.streamed(file)).isPresent().get().isEqualTo(reader.readTree(file).results());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a number as a string     | \"threads\": \"2\"",
            "a long where an int goes | \"forks\": 9999999999",
            "params of a number       | \"params\": {\"size\": 7}",
            "a key twice              | \"mode\": \"avgt\", \"mode\": \"thrpt\"",
            "secondaries as an array  | \"secondaryMetrics\": [{\"score\": 1}]",
            "null where text goes     | \"mode\": null"})
    void otherShapesAreLeftToTheTreeReader(String what, String field, @TempDir Path dir)
            throws IOException, BadInputException {
        Path file = dir.resolve("odd.json");
        Files.writeString(file, """
                [{"benchmark": "a.B.c", %s, "primaryMetric": {"score": 1.5, "scoreUnit": "ms/op",
                  "rawData": [[1.0, 2.0]]}}]
                """.formatted(field));

        assertThat(reader.streamed(file)).isEmpty();
        assertThat(reader.read(file).results()).isEqualTo(reader.readTree(file).results()).hasSize(1);
    }

    @Test
    void rawDataIsKeptAsPrimitiveForksAndReadBackAsLists(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("two-forks.json");
        Files.writeString(file, """
                [{"benchmark": "a.B.c", "mode": "avgt", "primaryMetric": {"score": 2, "scoreUnit": "ms/op",
                  "rawData": [[1.0, "NaN", 3], [4.5, null]]}}]
                """);

        Metric metric = reader.streamed(file).orElseThrow().getFirst().primaryMetric();

        assertThat(metric.forkCount()).isEqualTo(2);
        assertThat(metric.forkValues(0)).containsExactly(1.0, Double.NaN, 3.0);
        assertThat(metric.rawData()).isEqualTo(List.of(List.of(1.0, Double.NaN, 3.0), List.of(4.5, Double.NaN)));
    }
}
