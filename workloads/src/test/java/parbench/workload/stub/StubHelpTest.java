package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** {@code stub --help} and {@code -V} read like every other command's. */
class StubHelpTest {

    private static String out(String... args) {
        var commandLine = StubCommand.commandLine();
        var out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void helpNamesTheCommandAsUsersTypeItWithUpperCasePlaceholders() {
        String help = out("--help");

        assertThat(help).startsWith("Usage: parbench stub [-hV]").contains("--latency-ms=MS").contains("--port=PORT")
                .doesNotContainPattern("<[a-z][A-Za-z]*>");
        assertThat(out("capacity", "--help")).startsWith("Usage: parbench stub capacity").contains("--url=URL");
    }

    @Test
    void versionNamesTheCommand() {
        assertThat(out("-V")).startsWith("parbench stub ").doesNotContain("version unknown");
        assertThat(out("capacity", "-V")).startsWith("parbench stub capacity ");
    }

    @Test
    void helpListsTheExitCodeContract() {
        assertThat(out("--help")).containsPattern("0 +stopped by SIGINT/SIGTERM").containsPattern("2 +bad input or usage")
                .containsPattern("3 +internal error");
    }
}
