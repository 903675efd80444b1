package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** {@code run} and {@code python} say what they are: version, exit codes, profiles, options. */
class RunHelpTest {

    private static String out(CommandLine commandLine, String... args) {
        var out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void versionNamesEachCommand() {
        assertThat(out(RunCommand.commandLine(), "-V")).startsWith("parbench run ").doesNotContain("version unknown");
        assertThat(out(RunCommand.pythonCommandLine(), "-V")).startsWith("parbench python ");
    }

    @Test
    void runHelpShowsWhatEveryProfilePassesToJmh() {
        String help = out(RunCommand.commandLine(), "--help");

        for (SweepProfile profile : SweepProfile.values()) {
            assertThat(help).contains("  " + profile.profileName() + " ")
                    .contains("(stub latency " + profile.stubLatencyMillis() + " ms)")
                    .contains(String.join(" ", profile.jmhOptions()));
            profile.params().forEach((name, value) -> assertThat(help).contains(" -p " + name + "=" + value));
        }
        // smoke's and quick's task sizes are named (full runs the benchmarks' own)
        assertThat(help).contains("-r 100ms -p taskMillis=1").contains("-r 200ms -p taskMillis=5");
    }

    @Test
    void bothHelpsListTheExitCodeContract() {
        for (CommandLine command : new CommandLine[] {RunCommand.commandLine(), RunCommand.pythonCommandLine()}) {
            assertThat(out(command, "--help")).containsPattern("0 +every core count finished")
                    .containsPattern("2 +bad input or usage")
                    .containsPattern("3 +internal error")
                    .containsPattern("130 +interrupted by SIGINT");
        }
    }

    @Test
    void pythonHelpSaysIncludeMatchesBenchmarkAndModelNames() {
        assertThat(out(RunCommand.pythonCommandLine(), "--help").replaceAll("\\s+", " "))
                .contains("--include=REGEX regex searched in the benchmark and model names")
                .doesNotContain("a JMH regex");
    }
}
