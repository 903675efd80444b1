package parbench.workload.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.HashSet;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import parbench.workload.wiki.WikiPage;

/**
 * A WireMock stand-in for Wikipedia on 127.0.0.1: {@code GET /wiki/<title>} answers 200 with a
 * small HTML page for titles of the corpus that exist and 404 for every other title, after the
 * configured latency; a configured fraction of titles answer 500, reset the connection or stall
 * (see {@link StubFaults}). Never the real site.
 *
 * <p>Tuned for load, so that the stub is not what a benchmark measures (WireMock's defaults
 * serve about 390 requests/s on a 2-core machine): delayed responses are asynchronous (a delay
 * waits on WireMock's scheduler, not on a Jetty thread), the Jetty pool is
 * {@link StubConfig#serverThreads()} wide, the accept queue holds {@value #ACCEPT_QUEUE} pending
 * connections (bursts of new connections do not overflow into 1 s SYN retries), the request
 * journal, request logging and gzip are off, and the notifier is silent.
 *
 * <p>Latencies and faults are drawn per title from {@link StubConfig#seed()}, so the same title
 * always gets the same delay and the same fate, whatever the order of requests. One mapping
 * serves every title; a transformer looks the title up in a hash set, so lookups stay O(1) for
 * corpora of any size.
 *
 * <p>Thread-safe. Start with {@link #start}, stop with {@link #close}.
 */
public final class WikipediaStub implements AutoCloseable {

    /** Jetty's accept queue (listen backlog). */
    public static final int ACCEPT_QUEUE = 4096;

    /** Jetty acceptor threads: one is plenty for loopback connection bursts. */
    private static final int ACCEPTORS = 1;

    private final WireMockServer server;
    private final StubConfig config;

    private WikipediaStub(WireMockServer server, StubConfig config) {
        this.server = server;
        this.config = config;
    }

    /**
     * Starts a stub and returns once it accepts connections.
     *
     * @throws UncheckedIOException wrapping a {@link BindException} when the port is in use or not allowed
     */
    public static WikipediaStub start(StubConfig config) {
        Set<String> existing = new HashSet<>();
        for (WikiPage page : config.corpus().pages(config.corpusSize())) {
            if (page.exists()) {
                existing.add(page.title());
            }
        }
        var server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(config.port())
                .containerThreads(config.serverThreads())
                .jettyAcceptors(ACCEPTORS)
                .jettyAcceptQueueSize(ACCEPT_QUEUE)
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(config.responseThreads())
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .gzipDisabled(true)
                .notifier(new SilentNotifier())
                .httpServerFactory(StubHttpServer.FACTORY)
                .extensions(new PageLookup(existing, config)));
        server.stubFor(get(urlPathMatching("/wiki/.+")).willReturn(aResponse()));
        try {
            server.start();
        } catch (RuntimeException e) {
            BindException bind = bindExceptionIn(e);
            if (bind != null) {
                throw new UncheckedIOException(
                        "cannot listen on 127.0.0.1:" + config.port() + ": " + bind.getMessage(), bind);
            }
            throw new IllegalStateException("cannot start the Wikipedia stub on 127.0.0.1:" + config.port(), e);
        }
        return new WikipediaStub(server, config);
    }

    private static BindException bindExceptionIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public StubConfig config() {
        return config;
    }

    /** Stops Jetty and WireMock's threads; pending delayed responses are dropped. Idempotent. */
    @Override
    public void close() {
        server.stop();
    }

    /** Answers by looking the title up in the corpus and drawing its latency and fate from the seed. */
    private static final class PageLookup implements ResponseDefinitionTransformerV2 {
        private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

        private final Set<String> existing;
        private final StubConfig config;

        PageLookup(Set<String> existing, StubConfig config) {
            this.existing = existing;
            this.config = config;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String path = serveEvent.getRequest().getUrl();
            int query = path.indexOf('?');
            String title = path.substring("/wiki/".length(), query < 0 ? path.length() : query);
            long state = config.seed() ^ mix(title.hashCode() + GOLDEN_GAMMA);
            double faultDraw = unit(state = mix(state + GOLDEN_GAMMA));
            double latencyDraw1 = unit(state = mix(state + GOLDEN_GAMMA));
            double latencyDraw2 = unit(mix(state + GOLDEN_GAMMA));
            long delay = config.latencyDistribution()
                    .delayMillis(config.latency().toMillis(), latencyDraw1, latencyDraw2);
            return switch (config.faults().faultFor(faultDraw)) {
                case NONE -> page(title, delay).build();
                case SLOW -> page(title, config.faults().slowDelay().toMillis()).build();
                case SERVER_ERROR -> aResponse()
                        .withStatus(500)
                        .withHeader("Content-Type", "text/html; charset=utf-8")
                        .withBody("<!doctype html><title>Server error</title>")
                        .withFixedDelay(Math.toIntExact(delay))
                        .build();
                case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            };
        }

        private ResponseDefinitionBuilder page(String title, long delayMillis) {
            boolean exists = existing.contains(title);
            return aResponse()
                    .withStatus(exists ? 200 : 404)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(exists
                            ? "<!doctype html><title>" + title + "</title><h1>" + title + "</h1>"
                            : "<!doctype html><title>Not found</title>")
                    .withFixedDelay(Math.toIntExact(delayMillis));
        }

        /** SplitMix64's finaliser. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** The top 53 bits as a double in [0, 1). */
        private static double unit(long bits) {
            return (bits >>> 11) * 0x1.0p-53;
        }

        @Override
        public String getName() {
            return "parbench-page-lookup";
        }
    }

    /** Drops WireMock's per-request chatter: under load it would cost more than the requests. */
    private static final class SilentNotifier implements Notifier {
        @Override
        public void info(String message) {
            // intentionally silent: the stub's only output is the CLI's listening line
        }

        @Override
        public void error(String message) {
            // intentionally silent: failures surface to the client as statuses or resets
        }

        @Override
        public void error(String message, Throwable t) {
            // intentionally silent, as above
        }
    }
}
