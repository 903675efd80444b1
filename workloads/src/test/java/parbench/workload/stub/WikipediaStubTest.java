package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import parbench.workload.wiki.WikiCorpus;

class WikipediaStubTest {

    @Test
    void listensOnLoopbackOnly() throws IOException {
        try (var stub = WikipediaStub.start(StubConfig.defaults());
             var socket = new Socket()) {
            assertThat(stub.baseUrl()).isEqualTo("http://127.0.0.1:" + stub.port());
            socket.connect(new InetSocketAddress("127.0.0.1", stub.port()), 5_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }

    @Test
    void titlesPastTheCorpusSizeAreNotFound() throws Exception {
        var corpus = new WikiCorpus(0);
        try (var stub = WikipediaStub.start(StubConfig.defaults().withCorpus(corpus, 10));
             var client = HttpClient.newHttpClient()) {
            // corpus page 9 is Generated_page_000005; page 10 (Generated_page_000006) is past the size
            assertThat(status(client, stub, "Generated_page_000005")).isEqualTo(200);
            assertThat(status(client, stub, "Generated_page_000006")).isEqualTo(404);
        }
    }

    @Test
    void sameSeedFailsTheSamePages() throws Exception {
        var config = StubConfig.defaults().withSeed(7)
                .withFaults(new StubFaults(0.5, 0, 0, StubFaults.DEFAULT_SLOW_DELAY));
        var titles = WikiCorpus.withDefaults().pages(40).stream().map(page -> page.title()).toList();
        try (var first = WikipediaStub.start(config);
             var second = WikipediaStub.start(config);
             var client = HttpClient.newHttpClient()) {
            var firstStatuses = titles.stream().map(title -> status(client, first, title)).toList();
            var secondStatuses = titles.stream().map(title -> status(client, second, title)).toList();
            assertThat(firstStatuses).isEqualTo(secondStatuses).contains(500).containsAnyOf(200, 404);
        }
    }

    @ParameterizedTest(name = "{0} with a bad chunk size")
    @ValueSource(strings = {"GET", "POST"})
    void malformedChunkedBodyIsABadRequestNotAServerError(String method) throws IOException {
        try (var stub = WikipediaStub.start(StubConfig.defaults());
             var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", stub.port()), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((method + " /wiki/Ocean HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(reader.readLine()).startsWith("HTTP/1.1 400 ");
        }
    }

    @Test
    void wellFormedRequestsStillSucceedAfterAMalformedOne() throws Exception {
        try (var stub = WikipediaStub.start(StubConfig.defaults());
             var client = HttpClient.newHttpClient()) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", stub.port()), 5_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("GET /wiki/Ocean HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\nab").getBytes(StandardCharsets.US_ASCII));
                socket.shutdownOutput();
                socket.getInputStream().readAllBytes();
            }
            assertThat(status(client, stub, "Ocean")).isEqualTo(200);
        }
    }

    private static int status(HttpClient client, WikipediaStub stub, String title) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(stub.baseUrl() + "/wiki/" + title))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("GET " + title + " from " + stub.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + title, e);
        }
    }
}
