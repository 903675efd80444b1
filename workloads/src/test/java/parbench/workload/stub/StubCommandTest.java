package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import picocli.CommandLine;

/** The CLI's answers to bad arguments, in-process through picocli's {@code execute}. */
class StubCommandTest {

    private record Run(int exitCode, String out, String err) {}

    private static Run execute(String... args) {
        CommandLine commandLine = StubCommand.commandLine();
        var out = new StringWriter();
        var err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "--latency-ms -1            | parbench stub: --latency-ms must be within [0, 600000], was -1",
            "--latency-ms 9223372036854775807 | parbench stub: --latency-ms must be within [0, 600000], was 9223372036854775807",
            "--latency-ms 600001        | parbench stub: --latency-ms must be within [0, 600000], was 600001",
            "--slow-ms 0                | parbench stub: --slow-ms must be within [1, 600000], was 0",
            "--slow-ms 9223372036854775807 | parbench stub: --slow-ms must be within [1, 600000], was 9223372036854775807",
            "--error-fraction 1.5       | parbench stub: --error-fraction must be within [0, 1], was 1.5",
            "--missing-fraction 2       | parbench stub: --missing-fraction must be within [0, 1], was 2.0",
            "--reset-fraction -0.1      | parbench stub: --reset-fraction must be within [0, 1], was -0.1",
            "--port 70000               | parbench stub: --port must be within [0, 65535], was 70000",
            "--bogus                    | parbench stub: Unknown option: '--bogus'",
            "--latency-distribution zipf | parbench stub: Invalid value for option '--latency-distribution': 'zipf' is not a latency distribution (fixed, uniform, lognormal)",
            "--error-fraction 0.6 --reset-fraction 0.6 | parbench stub: error, reset and slow fractions must add up to at most 1, were 0.6 + 0.6 + 0.0",
    })
    void badArgumentExitsTwoWithOneLineNamingIt(String args, String message) {
        Run run = execute(args.split(" "));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo(message + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void portInUseExitsTwoNamingThePort() throws IOException {
        try (var taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run run = execute("--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("parbench stub: port " + taken.getLocalPort() + " is not available: ")
                    .hasLineCount(1);
        }
    }

    @Test
    void capacityRefusesANonLoopbackUrl() {
        Run run = execute("capacity", "--url", "http://192.0.2.1:80", "--duration-s", "1");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("parbench stub: --url: the load driver only targets loopback; 'http://192.0.2.1:80' is not"
                + System.lineSeparator());
    }
}
