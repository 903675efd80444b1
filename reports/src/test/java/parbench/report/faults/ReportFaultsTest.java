package parbench.report.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import parbench.report.cli.ReportCommand;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code parbench report} against hostile inputs and outputs that cannot be written: every case
 * exits 2 with one line on stderr, no stack trace, no file left behind and every input unchanged.
 * The cases are counted into {@code target/reliability/report-bad-input.json} ({@link FaultLedger}).
 */
class ReportFaultsTest {

    private static final FaultLedger LEDGER = new FaultLedger("report", "bad-input");

    /** Builds one case in {@code dir}: its files, and the arguments to run. */
    @FunctionalInterface
    interface Scenario {
        List<String> arrange(Path dir) throws Exception;
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("missing input file", (Scenario) dir -> args(dir.resolve("in/nope.json"), dir)),
                Arguments.of("input not JSON", (Scenario) dir -> args(write(dir, "in.json", "hello"), dir)),
                Arguments.of("input truncated JSON", (Scenario) dir -> args(write(dir, "in.json", "[{\"benchmark\": \"a\","), dir)),
                Arguments.of("input an object, not an array", (Scenario) dir -> args(write(dir, "in.json", "{\"a\": 1}"), dir)),
                Arguments.of("input an empty array", (Scenario) dir -> args(write(dir, "in.json", "[]"), dir)),
                Arguments.of("input a FIFO with no writer", (Scenario) dir -> args(fifo(dir.resolve("in/cores-1.json")), dir)),
                Arguments.of("input a symbolic link loop", (Scenario) dir -> {
                    Path a = Files.createDirectories(dir.resolve("in")).resolve("a.json");
                    Files.createSymbolicLink(a, a);
                    return args(a, dir);
                }),
                Arguments.of("input a dangling symbolic link", (Scenario) dir -> {
                    Path a = Files.createDirectories(dir.resolve("in")).resolve("a.json");
                    Files.createSymbolicLink(a, dir.resolve("gone.json"));
                    return args(a, dir);
                }),
                Arguments.of("input a directory with no result file", (Scenario) dir ->
                        args(Files.createDirectories(dir.resolve("in/empty-run")), dir)),
                Arguments.of("run directory holding cores-99999999999.json", (Scenario) dir -> {
                    Path run = run(dir);
                    Files.copy(run.resolve("cores-1.json"), run.resolve("cores-99999999999.json"));
                    return args(run, dir);
                }),
                Arguments.of("histogram counts near Long.MAX_VALUE", (Scenario) dir -> args(write(dir, "in.json", """
                        [{"benchmark": "a.B.c", "mode": "sample", "primaryMetric": {"score": 1.0, "scoreUnit": "ms/op",
                          "rawDataHistogram": [[[[1.0, 9223372036854775807], [2.0, 9223372036854775807]]]]}}]
                        """), dir)),
                Arguments.of("run directory whose manifest is not JSON", (Scenario) dir -> {
                    Path run = run(dir);
                    Files.writeString(run.resolve("manifest.json"), "{ not json");
                    return args(run, dir);
                }),
                Arguments.of("input name holding a newline", (Scenario) dir -> args(write(dir, "bad\nname.json", "hello"), dir)),
                Arguments.of("input name holding ESC and an OSC title", (Scenario) dir ->
                        args(write(dir, "bad\u001b]0;owned\u0007\u001b[2J.json", "hello"), dir)),
                Arguments.of("unknown option", (Scenario) dir -> List.of("--bogus", Fixtures.jmh("real-jmh-1.37-avgt.json").toString())),
                Arguments.of("-o the input file", (Scenario) dir -> {
                    Path in = copy(dir);
                    return List.of(in.toString(), "-o", in.toString());
                }),
                Arguments.of("-o a symbolic link to the input file", (Scenario) dir -> {
                    Path in = copy(dir);
                    Path link = Files.createSymbolicLink(dir.resolve("out/link.html"), in);
                    return List.of(in.toString(), "-o", link.toString());
                }),
                Arguments.of("-o RUN/manifest.json", (Scenario) dir -> {
                    Path run = run(dir);
                    return List.of(run.toString(), "-o", run.resolve("manifest.json").toString());
                }),
                Arguments.of("--markdown RUN/cores-1.json", (Scenario) dir -> {
                    Path run = run(dir);
                    return List.of(run.toString(), "-o", dir.resolve("out/r.html").toString(),
                            "--markdown", run.resolve("cores-1.json").toString());
                }),
                Arguments.of("-o a directory", (Scenario) dir -> List.of(copy(dir).toString(), "-o", dir.resolve("out").toString())),
                Arguments.of("-o in a directory that does not exist", (Scenario) dir ->
                        List.of(copy(dir).toString(), "-o", dir.resolve("out/missing/r.html").toString())),
                Arguments.of("-o /proc/version", (Scenario) dir -> List.of(copy(dir).toString(), "-o", "/proc/version")),
                Arguments.of("-o /dev/null (a device)", (Scenario) dir -> List.of(copy(dir).toString(), "-o", "/dev/null")),
                Arguments.of("-o and --markdown the same file", (Scenario) dir -> List.of(copy(dir).toString(),
                        "-o", dir.resolve("out/r.html").toString(), "--markdown", dir.resolve("out/r.html").toString())),
                Arguments.of("--markdown unwritable: the HTML is not left behind", (Scenario) dir -> {
                    Files.createDirectories(dir.resolve("out/summary.md"));
                    return List.of(copy(dir).toString(), "-o", dir.resolve("out/r.html").toString(),
                            "--markdown", dir.resolve("out/summary.md").toString());
                }),
                Arguments.of("-o a dangling symbolic link", (Scenario) dir -> {
                    Path link = Files.createSymbolicLink(dir.resolve("out/r.html"), dir.resolve("out/nowhere/x.html"));
                    return List.of(copy(dir).toString(), "-o", link.toString());
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void badInputOrOutputExitsTwoWithOneLineAndLeavesNothing(String name, Scenario scenario, @TempDir Path dir)
            throws Exception {
        Files.createDirectories(dir.resolve("out"));
        List<String> args = scenario.arrange(dir);
        Map<String, byte[]> before = snapshot(dir);

        var err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> ReportCommand.execute(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args.toArray(String[]::new)));

        Map<String, byte[]> after = snapshot(dir);
        int left = (int) after.keySet().stream().filter(f -> !before.containsKey(f)).count();
        LEDGER.record(name, code, err.toString(), left);
        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().lines()).as(err.toString()).hasSize(1);
        assertThat(err.toString()).startsWith("parbench report: ").doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(after.keySet()).as("files after").isEqualTo(before.keySet());
        before.forEach((file, content) -> assertThat(after.get(file)).as(file).isEqualTo(content));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fullOrReadOnlyDisks")
    void anOutputOnAFullOrReadOnlyDiskExitsTwoNamingTheFileAndLeavesNothing(String name, boolean readOnly,
            String reason, @TempDir Path dir) throws Exception {
        try (var disk = SmallTmpfs.mount(dir, 64, readOnly)) {
            if (!readOnly) {
                disk.fill();
            }
            List<String> before = FaultLedger.filesUnder(disk.path());
            Path html = disk.path().resolve("report.html");
            var err = new StringWriter();

            int code = ReportCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                    Fixtures.jmh("real-jmh-1.37-avgt.json").toString(), "-o", html.toString(),
                    "--markdown", disk.path().resolve("summary.md").toString());

            List<String> after = FaultLedger.filesUnder(disk.path());
            LEDGER.record(name, code, err.toString(), (int) after.stream().filter(f -> !before.contains(f)).count());
            assertThat(code).isEqualTo(2);
            assertThat(err.toString()).isEqualTo("parbench report: " + html + ": cannot write: " + reason
                    + System.lineSeparator());
            assertThat(after).isEqualTo(before);
        }
    }

    static Stream<Arguments> fullOrReadOnlyDisks() {
        return Stream.of(Arguments.of("-o on a full disk", false, "no space left on device"),
                Arguments.of("-o on a read-only file system", true, "read-only file system"));
    }

    @AfterAll
    static void writeLedger() {
        LEDGER.write();
    }

    private static List<String> args(Path input, Path dir) {
        return List.of(input.toString(), "-o", dir.resolve("out/report.html").toString(),
                "--markdown", dir.resolve("out/summary.md").toString());
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        return Files.writeString(Files.createDirectories(dir.resolve("in")).resolve(name), content);
    }

    private static Path copy(Path dir) throws IOException {
        return Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"),
                Files.createDirectories(dir.resolve("in")).resolve("in.json"));
    }

    private static Path run(Path dir) throws IOException {
        Path run = Files.createDirectories(dir.resolve("in/run"));
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

    /** Every regular file under {@code dir} with its content (FIFOs and links listed, not read). */
    static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : new ArrayList<>(walk.toList())) {
                String name = dir.relativize(p).toString();
                if (Files.isSymbolicLink(p) || !Files.isRegularFile(p)) {
                    files.put(name, new byte[0]);
                } else {
                    files.put(name, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }
}
