package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RunCommandTest {

    private static final parbench.bench.faults.BadInputLedger LEDGER =
            new parbench.bench.faults.BadInputLedger("run", "bad-input");

    @org.junit.jupiter.api.AfterAll
    static void writeLedger() {
        LEDGER.write();
    }

    @TempDir
    Path out;

    static Stream<Arguments> badArguments() {
        int machine = CpuAffinity.ofCurrentProcess().map(CpuAffinity::size)
                .orElse(Runtime.getRuntime().availableProcessors());
        int above = machine + 1;
        return Stream.of(
                Arguments.of(new String[] {"--cores", "1,x"},
                        "parbench run: bad core list '1,x': 'x' is not a whole number (expected e.g. 1,2,4)"),
                Arguments.of(new String[] {"--cores", "0"}, "parbench run: bad core list '0': 0 is below 1"),
                Arguments.of(new String[] {"--cores", ""},
                        "parbench run: bad core list '': '' is not a whole number (expected e.g. 1,2,4)"),
                Arguments.of(new String[] {"--cores", "1," + above},
                        "parbench run: core count " + above + " is above this machine's " + machine + " processors"),
                Arguments.of(new String[] {"--profile", "fast"},
                        "parbench run: unknown profile 'fast' (known: smoke, quick, full)"),
                Arguments.of(new String[] {"--stub-latency-ms", "-1"},
                        "parbench run: --stub-latency-ms must be at least 0, not -1"),
                Arguments.of(new String[] {"--", "-p", "latencyMillis=7"},
                        "parbench run: set the stub's latency with --stub-latency-ms, not -p latencyMillis=7"
                                + " (the stub and the benchmark must agree)"),
                Arguments.of(new String[] {"--bogus"}, "parbench run: Unknown option: '--bogus'"),
                Arguments.of(new String[] {"--include", "("},
                        "parbench run: --include '(' is not a regular expression: Unclosed group near index 1"),
                Arguments.of(new String[] {"--include", "a{2,1}"},
                        "parbench run: --include 'a{2,1}' is not a regular expression: Illegal repetition range near index 5"),
                Arguments.of(new String[] {"--assume-processors", "16"},
                        "parbench run: --assume-processors plans for another machine; use it with --dry-run"),
                Arguments.of(new String[] {"--dry-run", "--assume-processors", "0"},
                        "parbench run: --assume-processors must be at least 1, not 0"),
                Arguments.of(new String[] {"--budget", "5x"},
                        "parbench run: bad --budget '5x': expected e.g. 90s, 30m, 1h30m or none"),
                Arguments.of(new String[] {"--budget", "0m"},
                        "parbench run: bad --budget '0m': a budget must be above zero"),
                Arguments.of(new String[] {"--", "-f", "x"},
                        "parbench run: JMH option -f takes a whole number, not 'x'"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsExitTwoWithOneLine(String[] args, String expectedError) {
        // GIVEN the command with its error output captured
        var err = new StringWriter();
        var commandLine = RunCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        // WHEN it runs with a bad argument
        String[] withOut = Stream.concat(Stream.of("--out", out.resolve("run").toString()), Stream.of(args))
                .toArray(String[]::new);
        int exit = commandLine.execute(withOut);
        LEDGER.record(String.join(" ", args), exit, err.toString(), java.nio.file.Files.exists(out.resolve("run")) ? 1 : 0);

        // THEN it exits 2 with exactly one line naming the problem, and wrote nothing
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(expectedError);
        assertThat(out.resolve("run")).doesNotExist();
    }

    @org.junit.jupiter.api.Test
    void includeMatchingNoBenchmarkExitsTwoWithoutARunDirectory() {
        // GIVEN the command over the real benchmark list
        var err = new StringWriter();
        var commandLine = RunCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        // WHEN the include regex matches nothing
        int exit = commandLine.execute("--out", out.resolve("run").toString(), "--include", "NoSuchBenchmark",
                "--classpath", System.getProperty("java.class.path"));
        LEDGER.record("--include matching no benchmark", exit, err.toString(),
                java.nio.file.Files.exists(out.resolve("run")) ? 1 : 0);

        // THEN one line says so and nothing was written
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("parbench run: no benchmark matches --include 'NoSuchBenchmark'");
        assertThat(out.resolve("run")).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("badRunDirectories")
    void anOutThatCannotBeARunDirectoryExitsTwoWithOneLine(String given, String expectedError) throws Exception {
        // GIVEN a regular file where the run directory would go
        java.nio.file.Files.writeString(out.resolve("a-file"), "x");
        var err = new StringWriter();
        var commandLine = RunCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        // WHEN --out names it, or a place under /proc
        int exit = commandLine.execute("--out", given.replace("OUT", out.toString()), "--profile", "smoke",
                "--include", "ProcessorProbeBenchmark", "--classpath", System.getProperty("java.class.path"));
        LEDGER.record("--out " + given, exit, err.toString(), 0);

        // THEN one line says why, exit 2
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(expectedError.replace("OUT", out.toString()));
    }

    static Stream<Arguments> badRunDirectories() {
        return Stream.of(
                Arguments.of("OUT/a-file", "parbench run: --out OUT/a-file is a file, not a directory"),
                Arguments.of("/proc/parbench-run", "parbench run: --out /proc/parbench-run is inside a kernel file system;"
                        + " choose a directory on a disk"),
                Arguments.of("OUT/a-file/run", "parbench run: cannot create the run directory OUT/a-file/run: Not a directory"));
    }

    @org.junit.jupiter.api.Test
    void aSweepWhileAnotherHoldsTheMachineIsRefusedInOneLineNamingTheHolder() throws Exception {
        // GIVEN another sweep holding the machine's lock
        Path lockFile = out.resolve("sweep.lock");
        String previous = System.setProperty("parbench.sweepLock", lockFile.toString());
        try (var other = SweepLock.acquire(lockFile, "parbench python --profile quick")) {
            var err = new StringWriter();
            var commandLine = RunCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            commandLine.setOut(new PrintWriter(new StringWriter(), true));

            // WHEN a second sweep starts
            int exit = commandLine.execute("--out", out.resolve("run").toString(), "--profile", "smoke",
                    "--include", "ProcessorProbeBenchmark", "--classpath", System.getProperty("java.class.path"));

            // THEN it is refused in one line naming the holder, and made no run directory
            assertThat(exit).isEqualTo(1);
            assertThat(err.toString().lines()).singleElement().asString()
                    .startsWith("parbench run: another sweep is running on this machine (pid "
                            + ProcessHandle.current().pid() + ": parbench python --profile quick, since ");
            assertThat(out.resolve("run")).doesNotExist();
        } finally {
            if (previous == null) {
                System.clearProperty("parbench.sweepLock");
            } else {
                System.setProperty("parbench.sweepLock", previous);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void dryRunWritesThePlanAsJsonAndNothingElse() throws Exception {
        // GIVEN the command over the real benchmark list
        var console = new java.io.ByteArrayOutputStream();
        var err = new StringWriter();
        var commandLine = RunCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        Path plan = out.resolve("plan.json");
        java.io.PrintStream previous = System.out;
        int exit;
        try {
            System.setOut(new java.io.PrintStream(console, true, java.nio.charset.StandardCharsets.UTF_8));

            // WHEN it plans quick for a 16-processor machine without running anything
            exit = commandLine.execute("--out", out.resolve("run").toString(), "--dry-run", "--assume-processors", "16",
                    "--plan-json", plan.toString(), "--classpath", System.getProperty("java.class.path"));
        } finally {
            System.setOut(previous);
        }

        // THEN the JSON has the shape, fits quick's 10 minutes, and no run directory exists
        assertThat(exit).as(err.toString()).isZero();
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.toFile());
        assertThat(json.get("profile").asText()).isEqualTo("quick");
        assertThat(json.get("processors").asInt()).isEqualTo(16);
        assertThat(json.get("coreCounts").get(0).asInt()).isEqualTo(1);
        assertThat(json.get("coreCounts").get(json.get("coreCounts").size() - 1).asInt()).isEqualTo(16);
        assertThat(json.get("estimatedSeconds").asDouble()).isPositive().isLessThanOrEqualTo(600);
        assertThat(json.get("points")).isNotEmpty().allSatisfy(point -> {
            assertThat(point.fieldNames()).toIterable().containsExactly("cores", "benchmark", "params", "forks");
            assertThat(point.get("forks").asInt()).isEqualTo(2);
        });
        assertThat(console.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("parbench run: profile quick (budget 0:10:00), 16 processors, core counts 1,");
        assertThat(out.resolve("run")).doesNotExist();
    }
}
