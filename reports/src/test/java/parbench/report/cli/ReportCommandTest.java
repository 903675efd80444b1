package parbench.report.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReportCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ReportCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void writesTheHtmlAndTheMarkdownSummary(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        Path md = dir.resolve("summary.md");

        int code = run(Fixtures.jmh("real-jmh-1.37-avgt.json").toString(), "-o", html.toString(),
                "--markdown", md.toString(), "--title", "Tiny");

        assertThat(code).isZero();
        assertThat(Files.readString(html)).contains("<title>Tiny</title>");
        assertThat(Files.readString(md)).startsWith("# Tiny").contains("| TinyBenchmark.batch |");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing file         | <none>                | no such file or directory",
            "not JSON             | hello                 | not JSON",
            "truncated JSON       | [{\"benchmark\": \"a\", | truncated JSON",
            "wrong shape          | {\"a\": 1}              | expected a JSON array of results, found an object",
            "empty array          | []                    | no results: the JSON array is empty"})
    void badInputExitsTwoWithOneLineAndNoOutputFile(String name, String content, String reason, @TempDir Path dir)
            throws IOException {
        Path input = dir.resolve("input.json");
        if (!content.equals("<none>")) {
            Files.writeString(input, content);
        }
        Path html = dir.resolve("report.html");

        int code = run(input.toString(), "-o", html.toString(), "--markdown", dir.resolve("summary.md").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench report: " + input + ": ").contains(reason)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(f -> f.equals("input.json"));
        }
    }

    @Test
    void withoutOutputTheReportIsWrittenInsideTheRunDirectory(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), run.resolve("cores-1.json"));

        assertThat(run(run.toString())).isZero();

        assertThat(run.resolve("report.html")).isNotEmptyFile();
        assertThat(err.toString()).contains("wrote " + run.resolve("report.html"));
    }

    @Test
    void withoutOutputTheReportIsWrittenBesideAJsonFile(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("theirs.json");
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), json);

        assertThat(run(json.toString())).isZero();

        assertThat(dir.resolve("report.html")).isNotEmptyFile();
    }

    @Test
    void noInputIsAUsageErrorExitingTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("INPUT");
    }
}
