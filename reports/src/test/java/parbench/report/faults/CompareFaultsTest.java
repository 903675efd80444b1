package parbench.report.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parbench.report.cli.CompareCommand;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code parbench compare} against hostile inputs, outputs that cannot be written and broken
 * candidates. Bad input: exit 2, one line, nothing left behind, inputs unchanged, counted into
 * {@code target/reliability/compare-bad-input.json}. A broken candidate (lost points its manifest
 * records, non-finite results) never passes: exit 1, its failures listed first.
 */
class CompareFaultsTest {

    private static final FaultLedger LEDGER = new FaultLedger("compare", "bad-input");

    @FunctionalInterface
    interface Scenario {
        List<String> arrange(Path dir) throws Exception;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing baseline", (Scenario) dir -> List.of(dir.resolve("in/nope.json").toString(), copy(dir, "c.json").toString())),
                Arguments.of("candidate not JSON", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), write(dir, "c.json", "hello").toString())),
                Arguments.of("candidate truncated JSON", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), write(dir, "c.json", "[{\"benchmark\"").toString())),
                Arguments.of("candidate a FIFO with no writer", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), fifo(dir.resolve("in/c.json")).toString())),
                Arguments.of("candidate a symbolic link loop", (Scenario) dir -> {
                    Path loop = Files.createDirectories(dir.resolve("in")).resolve("c.json");
                    Files.createSymbolicLink(loop, loop);
                    return List.of(copy(dir, "b.json").toString(), loop.toString());
                }),
                Arguments.of("histogram counts near Long.MAX_VALUE", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), write(dir, "c.json", """
                        [{"benchmark": "a.B.c", "mode": "sample", "primaryMetric": {"score": 1.0, "scoreUnit": "ms/op",
                          "rawDataHistogram": [[[[1.0, 9223372036854775807], [2.0, 9223372036854775807]]]]}}]
                        """).toString())),
                Arguments.of("run directory holding cores-99999999999.json", (Scenario) dir -> {
                    Path run = run(dir, "run");
                    Files.copy(run.resolve("cores-1.json"), run.resolve("cores-99999999999.json"));
                    return List.of(run(dir, "base").toString(), run.toString());
                }),
                Arguments.of("only one run", (Scenario) dir -> List.of(copy(dir, "b.json").toString())),
                Arguments.of("unknown option", (Scenario) dir -> List.of("--bogus", copy(dir, "b.json").toString(), copy(dir, "c.json").toString())),
                Arguments.of("--alpha 2", (Scenario) dir -> List.of("--alpha", "2", copy(dir, "b.json").toString(), copy(dir, "c.json").toString())),
                Arguments.of("name holding ESC and a newline", (Scenario) dir -> List.of(copy(dir, "b.json").toString(),
                        write(dir, "c\u001b[2J\nx.json", "hello").toString())),
                Arguments.of("-o the candidate", (Scenario) dir -> {
                    Path c = copy(dir, "c.json");
                    return List.of(copy(dir, "b.json").toString(), c.toString(), "-o", c.toString());
                }),
                Arguments.of("-o a symbolic link to the baseline", (Scenario) dir -> {
                    Path b = copy(dir, "b.json");
                    Path link = Files.createSymbolicLink(dir.resolve("out/link.txt"), b);
                    return List.of(b.toString(), copy(dir, "c.json").toString(), "-o", link.toString());
                }),
                Arguments.of("-o CANDIDATE/manifest.json", (Scenario) dir -> {
                    Path c = run(dir, "cand");
                    return List.of(run(dir, "base").toString(), c.toString(), "-o", c.resolve("manifest.json").toString());
                }),
                Arguments.of("-o the thresholds file", (Scenario) dir -> {
                    Path t = write(dir, "thresholds.txt", ".*=5%\n");
                    return List.of(copy(dir, "b.json").toString(), copy(dir, "c.json").toString(),
                            "--thresholds", t.toString(), "-o", t.toString());
                }),
                Arguments.of("-o a directory", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), copy(dir, "c.json").toString(),
                        "-o", dir.resolve("out").toString())),
                Arguments.of("-o /proc/version", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), copy(dir, "c.json").toString(),
                        "-o", "/proc/version")),
                Arguments.of("-o /dev/null (a device)", (Scenario) dir -> List.of(copy(dir, "b.json").toString(), copy(dir, "c.json").toString(),
                        "-o", "/dev/null")),
                Arguments.of("-o in a directory that does not exist", (Scenario) dir -> List.of(copy(dir, "b.json").toString(),
                        copy(dir, "c.json").toString(), "-o", dir.resolve("out/missing/x.txt").toString())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputOrOutputExitsTwoWithOneLineAndLeavesNothing(String name, Scenario scenario, @TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("out"));
        List<String> args = scenario.arrange(dir);
        Map<String, byte[]> before = ReportFaultsTest.snapshot(dir);

        var err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CompareCommand.execute(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args.toArray(String[]::new)));

        Map<String, byte[]> after = ReportFaultsTest.snapshot(dir);
        LEDGER.record(name, code, err.toString(), (int) after.keySet().stream().filter(f -> !before.containsKey(f)).count());
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().lines()).as(err.toString()).hasSize(1);
        assertThat(err.toString()).startsWith("parbench compare: ").doesNotContain("Exception").doesNotContain("\u001b");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, content) -> assertThat(after.get(file)).as(file).isEqualTo(content));
    }

    @Test
    void anUnwritableStandardOutputExitsTwoWithOneLine(@TempDir Path dir) throws IOException {
        // GIVEN stdout that fails every write, as /dev/full or a closed descriptor does
        var full = new PrintWriter(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        });
        var err = new StringWriter();

        int code = CompareCommand.execute(full, new PrintWriter(err, true), copy(dir, "b.json").toString(),
                copy(dir, "c.json").toString());

        LEDGER.record("stdout unwritable (/dev/full, closed)", code, err.toString(), 0);
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("parbench compare: standard output: cannot write (closed, or no space"
                + " left on device)" + System.lineSeparator());
    }

    @Test
    void anOutputOnAFullDiskExitsTwoNamingTheFileAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path b = copy(dir, "b.json");
        Path c = copy(dir, "c.json");
        try (var disk = SmallTmpfs.mount(dir, 64, false)) {
            disk.fill();
            Path out = disk.path().resolve("comparison.json");
            var err = new StringWriter();

            int code = CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    b.toString(), c.toString(), "--format", "json", "-o", out.toString());

            LEDGER.record("-o on a full disk", code, err.toString(),
                    FaultLedger.filesUnder(disk.path()).size() - 1);
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("parbench compare: " + out + ": cannot write: no space left on device"
                    + System.lineSeparator());
            assertThat(FaultLedger.filesUnder(disk.path())).containsExactly("filler");
        }
    }

    @Test
    void missingResultsOfACandidateWhoseManifestRecordsAFailureFailTheComparisonListedFirst(@TempDir Path dir)
            throws IOException {
        // GIVEN a candidate whose core count 2 failed and left no result file
        Path baseline = run(dir, "base");
        Path candidate = failedAtTwoCores(dir);
        var err = new StringWriter();

        // WHEN compared
        int code = CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                baseline.toString(), candidate.toString());

        // THEN it fails, the lost rows listed first, named with the manifest's reason
        assertThat(code).isEqualTo(1);
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).isNotEmpty();
        assertThat(lines.getFirst()).startsWith("parbench compare: FAILED: missing from the candidate: ")
                .contains("cores=2").contains("its manifest records 2 core(s) failed: JMH exited with status 1");
    }

    @Test
    void allowRemovedAcceptsTheMissingResultsAsIntended(@TempDir Path dir) throws IOException {
        Path baseline = run(dir, "base");
        Path candidate = failedAtTwoCores(dir);
        var err = new StringWriter();

        int code = CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                baseline.toString(), candidate.toString(), "--allow-removed");

        assertThat(err.toString()).doesNotContain("FAILED");
        assertThat(code).isZero();
    }

    @Test
    void anAllNanCandidateFails(@TempDir Path dir) throws IOException {
        Path baseline = copy(dir, "b.json");
        String text = Files.readString(Fixtures.jmh("real-jmh-1.37-avgt.json"))
                .replaceAll("\"score\" : [0-9.eE+-]+", "\"score\" : \"NaN\"")
                .replaceAll("(\\[\\s*)[0-9.eE+-]+(\\s*,)", "$1\"NaN\"$2");
        Path candidate = write(dir, "c.json", text);
        var err = new StringWriter();

        int code = CompareCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                baseline.toString(), candidate.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList().getFirst())
                .startsWith("parbench compare: FAILED: not finite in the candidate: ").contains("scored NaN");
    }

    @AfterAll
    static void writeLedger() {
        LEDGER.write();
    }

    /** The fixture run with its 2-core JSON gone and the manifest saying that core count failed. */
    private static Path failedAtTwoCores(Path dir) throws IOException {
        Path run = run(dir, "cand");
        Files.delete(run.resolve("cores-2.json"));
        Path manifest = run.resolve("manifest.json");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(manifest.toFile());
        for (var entry : json.get("coreCounts")) {
            if (entry.get("cores").asInt() == 2) {
                var object = (com.fasterxml.jackson.databind.node.ObjectNode) entry;
                object.put("status", "failed");
                object.putNull("resultFile");
                object.put("message", "JMH exited with status 1; see jmh-cores-2.log");
            }
        }
        Files.writeString(manifest, json.toPrettyString());
        return run;
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve("in")).resolve(name), content);
    }

    private static Path copy(Path dir, String name) throws IOException {
        return Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), Files.createDirectories(dir.resolve("in")).resolve(name));
    }

    private static Path run(Path dir, String name) throws IOException {
        Path run = Files.createDirectories(dir.resolve("in").resolve(name));
        try (var files = Files.list(Fixtures.run("python-and-jvm"))) {
            for (Path file : files.toList()) {
                Files.copy(file, run.resolve(file.getFileName().toString()));
            }
        }
        return run;
    }

    private static Path fifo(Path path) throws IOException, InterruptedException {
        Files.createDirectories(path.getParent());
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();
        return path;
    }
}
