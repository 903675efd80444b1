package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What {@code run -- <JMH options>} does with options the sweep owns, listings and fork JVM arguments. */
class JmhPassThroughTest {

    @TempDir
    Path out;

    private record Run(int exitCode, String out, String err) {}

    private Run run(String... args) {
        var command = RunCommand.commandLine();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        command.setOut(new PrintWriter(stdout, true));
        command.setErr(new PrintWriter(stderr, true));
        var all = new ArrayList<>(List.of("--classpath", System.getProperty("java.class.path"),
                "--out", out.resolve("run").toString(), "--dry-run"));
        all.addAll(List.of(args));
        return new Run(command.execute(all.toArray(String[]::new)), stdout.toString(), stderr.toString());
    }

    @ParameterizedTest
    @CsvSource({"-rf, csv", "-rff, x.json", "-o, jmh.txt", "-jvmArgsAppend, -Xmx1g"})
    void optionTheSweepSetsIsRefusedBeforeAnythingStarts(String option, String value) {
        Run run = run("--", option, value);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("parbench run: -- " + option + " is set by the sweep itself (cores-<c>.json as"
                + " JSON, jmh-cores-<c>.log, -jvmArgsAppend for the core count); for plain JMH use scripts/parbench jmh"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-l", "-lp"})
    void listingPrintsOnTheConsole(String option) {
        Run run = run("--include", "HarnessBaselineBenchmark", "--", option);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("parbench.bench.HarnessBaselineBenchmark.batch");
    }

    @Test
    void jvmArgsUnderNoForksAreSaidToDoNothing() {
        Run run = run("--profile", "smoke", "--", "-jvmArgs", "-Xmx1g");

        assertThat(run.err()).contains("parbench run: -jvmArgs does nothing with -f 0 (JMH then runs in the sweep's own"
                + " JVM, as the smoke profile does); add -- -f 1 to fork");
    }

    @Test
    void jvmArgsWithForksAreAccepted() {
        assertThat(new JmhPassThrough(List.of("-jvmArgs", "-Xmx1g")).ignoredJvmArgs(1)).isEmpty();
    }
}
