package parbench.report.faults;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.cli.CompareCommand;
import parbench.report.cli.ReportCommand;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A run directory whose sweep never finished (killed: no finishedAt) never reads as complete. */
class UnfinishedRunTest {

    private final StringWriter err = new StringWriter();

    @Test
    void reportWarnsInOneLineAndStillRenders(@TempDir Path dir) throws IOException {
        Path run = unfinishedRun(dir);

        int code = ReportCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                run.toString(), "-o", dir.resolve("r.html").toString());

        assertThat(code).isZero();
        assertThat(err.toString().lines().toList()).first().asString().isEqualTo("parbench report: warning: " + run
                + ": the run never finished (its manifest has no finishedAt: the sweep is still running or was killed),"
                + " so points may be missing");
        assertThat(dir.resolve("r.html")).exists();
    }

    @Test
    void reportUnderStrictRefusesItWithExitTwoAndWritesNothing(@TempDir Path dir) throws IOException {
        Path run = unfinishedRun(dir);

        int code = ReportCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                run.toString(), "-o", dir.resolve("r.html").toString(), "--strict");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString()
                .startsWith("parbench report: " + run + ": the run never finished").endsWith("refused under --strict");
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void compareWarnsAboutAnUnfinishedCandidateAndRefusesItUnderStrict(@TempDir Path dir) throws IOException {
        Path run = unfinishedRun(dir);
        Path baseline = Fixtures.run("python-and-jvm");

        CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                baseline.toString(), run.toString());
        assertThat(err.toString()).contains("parbench compare: warning: " + run + ": the run never finished");

        var strictErr = new StringWriter();
        int code = CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(strictErr, true),
                baseline.toString(), run.toString(), "--strict");
        assertThat(code).isEqualTo(2);
        assertThat(strictErr.toString().lines()).singleElement().asString().endsWith("refused under --strict");
    }

    /** The fixture run with its manifest as a sweep leaves it when SIGKILLed: status running, no finishedAt. */
    private static Path unfinishedRun(Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("run"));
        try (var files = Files.list(Fixtures.run("python-and-jvm"))) {
            for (Path file : files.toList()) {
                Files.copy(file, run.resolve(file.getFileName().toString()));
            }
        }
        Path manifest = run.resolve("manifest.json");
        String text = Files.readString(manifest).replaceFirst("\"finishedAt\" : \"[^\"]*\"", "\"finishedAt\" : null");
        Files.writeString(manifest, text.replaceFirst("\\{", "{ \"status\": \"running\","));
        return run;
    }
}
