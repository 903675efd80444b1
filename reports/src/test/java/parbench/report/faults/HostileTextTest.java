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

/**
 * Control characters in untrusted files (raw ESC, an OSC title, clear-screen, a newline, a C1 CSI in
 * the CPU model, the JDK version and a benchmark name) never reach the console, the text or the
 * Markdown outputs: each is a visible {@code \xHH} escape there.
 */
class HostileTextTest {

    private static final String HOSTILE = "\u001b]0;owned\u0007\u001b[2J\nX\u009b1m";

    @Test
    void compareTextMarkdownAndItsStderrCarryNoControlCharacter(@TempDir Path dir) throws IOException {
        Path baseline = hostileRun(dir, "base");
        Path candidate = hostileRun(dir, "cand");
        for (String format : new String[] {"text", "markdown"}) {
            var out = new StringWriter();
            var err = new StringWriter();

            CompareCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), baseline.toString(),
                    candidate.toString(), "--format", format, "--mode", "cross-hardware");

            assertInert(out.toString());
            assertInert(err.toString());
            assertThat(out.toString()).contains("x1b").contains("owned");
        }
        var err = new StringWriter();
        CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                baseline.toString(), candidate.toString(), "-o", dir.resolve("c.md").toString(), "--format", "markdown");
        assertInert(err.toString());
        assertInert(Files.readString(dir.resolve("c.md")));
    }

    @Test
    void reportsMarkdownSummaryAndItsStderrCarryNoControlCharacter(@TempDir Path dir) throws IOException {
        Path run = hostileRun(dir, "run");
        var err = new StringWriter();

        int code = ReportCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                run.toString(), "-o", dir.resolve("r.html").toString(), "--markdown", dir.resolve("s.md").toString());

        assertThat(code).isZero();
        assertInert(err.toString());
        String markdown = Files.readString(dir.resolve("s.md"));
        assertInert(markdown);
        assertThat(markdown).contains("\\x1b");
    }

    /** No C0 control but newline, no DEL, no C1 control. */
    private static void assertInert(String text) {
        assertThat(text.chars().filter(c -> c != '\n' && (c < 0x20 || (c >= 0x7f && c <= 0x9f))))
                .as("control characters in %s", text.length() > 200 ? text.substring(0, 200) + "..." : text)
                .isEmpty();
    }

    /** The fixture run with the hostile string in its CPU model, JDK version, host and one benchmark name. */
    private static Path hostileRun(Path dir, String name) throws IOException {
        Path run = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(Fixtures.run("python-and-jvm"))) {
            for (Path file : files.toList()) {
                Files.copy(file, run.resolve(file.getFileName().toString()));
            }
        }
        String json = HOSTILE.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007").replace("\n", "\\n")
                .replace("\u009b", "\\u009b");
        Path manifest = run.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest)
                .replace("\"Intel(R) Xeon(R) Processor\"", "\"Intel " + json + "\"")
                .replace("\"25.0.3\"", "\"25.0.3 " + json + "\""));
        Path cores = run.resolve("cores-1.json");
        Files.writeString(cores, Files.readString(cores)
                .replace("\"parbench.bench.CpuBenchmark.batch\"", "\"parbench.bench.CpuBenchmark.batch" + json + "\""));
        return run;
    }
}
