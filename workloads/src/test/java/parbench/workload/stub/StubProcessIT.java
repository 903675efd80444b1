package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runnable jar ({@code scripts/parbench stub}) as a real process: its output, its exit codes. */
class StubProcessIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(30);

    private Process process;

    private static ProcessBuilder stub(String... args) {
        String jar = System.getProperty("parbench.stubJar", "target/parbench-workloads.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new java.util.ArrayList<>(List.of(java, "-cp", jar, StubCommand.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    @AfterEach
    void destroyProcess() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    @Test
    void badArgumentExitsTwoWithOneStderrLine() throws Exception {
        process = stub("--latency-ms", "-5").start();
        assertThat(process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(err).isEqualTo("parbench stub: --latency-ms must be within [0, 600000], was -5" + System.lineSeparator());
        assertThat(process.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void servesUntilSigtermThenExitsZero() throws Exception {
        process = stub("--port", "0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = stdout.readLine();
        assertThat(line).matches("Wikipedia stub listening on http://127\\.0\\.0\\.1:\\d+");
        String baseUrl = line.substring("Wikipedia stub listening on ".length());

        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/wiki/Ocean"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }

        process.toHandle().destroy(); // SIGTERM; unlike Process.destroy(), leaves our ends of the pipes open
        assertThat(process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(stdout.readLine()).as("nothing after the listening line").isNull();
    }

    @Test
    void startsWithOnlyTheListeningLineOnStdoutAndNothingOnStderr() throws IOException, InterruptedException {
        process = stub("--port", "0").start();
        var stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(stdout.readLine()).startsWith("Wikipedia stub listening on ");
        process.toHandle().destroy(); // SIGTERM, keeping the pipes readable
        assertThat(process.waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(process.getErrorStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEmpty();
    }
}
