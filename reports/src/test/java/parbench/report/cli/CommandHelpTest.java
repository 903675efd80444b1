package parbench.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code report} and {@code compare} print their version and the exit-code contract. */
class CommandHelpTest {

    private static String out(String command, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = command.equals("report")
                ? ReportCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args)
                : CompareCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "compare"})
    void versionNamesTheCommand(String command) {
        assertThat(out(command, "-V")).startsWith("parbench " + command + " ").doesNotContain("version unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"report", "compare"})
    void helpListsTheExitCodeContract(String command) {
        assertThat(out(command, "--help")).contains("Exit codes:").containsPattern("2 +bad input or usage")
                .containsPattern("3 +internal error: one line on stderr naming the log file");
    }
}
