package parbench.workload.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import parbench.workload.stub.StubConfig;
import parbench.workload.stub.StubFaults;
import parbench.workload.stub.WikipediaStub;

/** The checker against a real stub on a free port: real sockets, delays scripted server-side. */
class WikiPageCheckerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static StubConfig faults(double error, double reset, double slow) {
        return StubConfig.defaults().withFaults(new StubFaults(error, reset, slow, Duration.ofSeconds(30)));
    }

    @Test
    void seedPagesAreClassifiedAsTheArticleSays() {
        try (var stub = WikipediaStub.start(StubConfig.defaults());
             var checker = WikiPageChecker.create(stub.baseUrl(), 4, TIMEOUT)) {
            String wiki = stub.baseUrl() + "/wiki/";
            assertThat(List.of("Ocean", "Island", "this_page_does_not_exist", "Shark"))
                    .map(checker::check)
                    .containsExactly(
                            wiki + "Ocean - exists",
                            wiki + "Island - exists",
                            wiki + "this_page_does_not_exist - does not exist",
                            wiki + "Shark - exists");
        }
    }

    @Test
    void serverErrorIsUnknown() {
        try (var stub = WikipediaStub.start(faults(1, 0, 0));
             var checker = WikiPageChecker.create(stub.baseUrl(), 1, TIMEOUT)) {
            assertThat(checker.check("Ocean")).isEqualTo(stub.baseUrl() + "/wiki/Ocean - unknown");
        }
    }

    @Test
    void connectionResetIsUnknown() {
        try (var stub = WikipediaStub.start(faults(0, 1, 0));
             var checker = WikiPageChecker.create(stub.baseUrl(), 1, TIMEOUT)) {
            assertThat(checker.check("Ocean")).isEqualTo(stub.baseUrl() + "/wiki/Ocean - unknown");
        }
    }

    @Test
    void refusedConnectionIsUnknown() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (var checker = WikiPageChecker.create("http://127.0.0.1:" + closedPort, 1, TIMEOUT)) {
            assertThat(checker.check("Ocean")).isEqualTo("http://127.0.0.1:" + closedPort + "/wiki/Ocean - unknown");
        }
    }

    @Test
    void timeoutIsUnknownWithinTheTimeout() {
        Duration timeout = Duration.ofMillis(500);
        Duration margin = Duration.ofSeconds(2);
        try (var stub = WikipediaStub.start(faults(0, 0, 1));
             var checker = WikiPageChecker.create(stub.baseUrl(), 1, timeout)) {
            long start = System.nanoTime();
            String answer = checker.check("Ocean");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer).isEqualTo(stub.baseUrl() + "/wiki/Ocean - unknown");
            assertThat(took).isLessThan(timeout.plus(margin));
        }
    }

    @Test
    void thousandConcurrentChecksThroughOneClientAreAllCorrect() throws Exception {
        int checks = 1_000;
        try (var stub = WikipediaStub.start(StubConfig.defaults().withLatency(Duration.ofMillis(20)));
             var checker = WikiPageChecker.create(stub.baseUrl(), checks, TIMEOUT)) {
            List<String> titles = checker.inputs(checks);
            var allStarted = new CountDownLatch(checks);
            List<Future<String>> answers = new ArrayList<>(checks);
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String title : titles) {
                    answers.add(executor.submit(() -> {
                        allStarted.countDown();
                        allStarted.await();
                        return checker.check(title);
                    }));
                }
            }
            List<String> results = new ArrayList<>(checks);
            for (Future<String> answer : answers) {
                results.add(answer.get(0, TimeUnit.SECONDS));
            }
            assertThat(results).containsExactlyElementsOf(titles.stream().map(checker::expected).toList());
        }
    }

    @Test
    void closeLeavesNoConnectionsOrThreads() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        WikiPageChecker closed;
        try (var stub = WikipediaStub.start(StubConfig.defaults());
             var checker = WikiPageChecker.create(stub.baseUrl(), 64, TIMEOUT)) {
            closed = checker;
            try (var executor = Executors.newFixedThreadPool(16)) {
                List<Future<String>> answers = new ArrayList<>();
                for (String title : checker.inputs(200)) {
                    answers.add(executor.submit(() -> checker.check(title)));
                }
                for (Future<String> answer : answers) {
                    answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
            }
            assertThat(checker.client().connectionPool().connectionCount()).isPositive();
        }
        assertThat(closed.client().connectionPool().connectionCount()).isZero();
        // Jetty's threads finish exiting just after stop() returns: wait for them, never sleep.
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(LingeringThreads.startedSince(before)).isEmpty());
    }
}
