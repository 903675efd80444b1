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

        // THEN one line says so and nothing was written
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("parbench run: no benchmark matches --include 'NoSuchBenchmark'");
        assertThat(out.resolve("run")).doesNotExist();
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
