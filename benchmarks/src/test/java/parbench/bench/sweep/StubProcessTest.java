package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubProcessTest {

    @TempDir
    Path temp;

    @Test
    void stubServesFromItsOwnJvmAndStopsWhenClosed() throws Exception {
        // GIVEN the real stub command started in its own JVM on a free port
        ProcessHandle stubJvm;
        String classpath = System.getProperty("java.class.path");
        try (var stub = StubProcess.start(MachineFacts.javaLauncher(), classpath, 0, List.of(),
                temp.resolve("stub.log"));
                var client = HttpClient.newHttpClient()) {
            stubJvm = ProcessHandle.of(stub.pid()).orElseThrow();

            // WHEN a page is requested
            var response = client.send(HttpRequest.newBuilder(URI.create(stub.url() + "/wiki/Ocean")).build(),
                    HttpResponse.BodyHandlers.discarding());

            // THEN it answers from another process
            assertThat(stub.url()).startsWith("http://127.0.0.1:");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(stub.pid()).isNotEqualTo(ProcessHandle.current().pid());
        }
        // AND closing it left no process behind
        assertThat(stubJvm.isAlive()).isFalse();
    }
}
