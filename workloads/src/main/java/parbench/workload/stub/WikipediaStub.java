package parbench.workload.stub;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.HashSet;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import parbench.workload.wiki.WikiPage;

/**
 * A WireMock stand-in for Wikipedia on 127.0.0.1: {@code GET /wiki/<title>} answers 200 with a
 * small HTML page for titles of the corpus that exist and 404 for every other title, after the
 * configured latency. Never the real site.
 *
 * <p>One mapping serves every title; a transformer looks the title up in a hash set, so lookups
 * stay O(1) for corpora of any size. Start with {@link #start}, stop with {@link #close}.
 */
public final class WikipediaStub implements AutoCloseable {

    private final WireMockServer server;
    private final StubConfig config;

    private WikipediaStub(WireMockServer server, StubConfig config) {
        this.server = server;
        this.config = config;
    }

    /** Starts a stub and returns once it accepts connections. */
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
                .disableRequestJournal()
                .extensions(new PageLookup(existing, (int) config.latency().toMillis())));
        server.stubFor(get(urlPathMatching("/wiki/.+")).willReturn(aResponse()));
        server.start();
        return new WikipediaStub(server, config);
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

    @Override
    public void close() {
        server.stop();
    }

    /** Answers 200 or 404 by looking the title up in the corpus. */
    private static final class PageLookup implements ResponseDefinitionTransformerV2 {
        private final Set<String> existing;
        private final int latencyMillis;

        PageLookup(Set<String> existing, int latencyMillis) {
            this.existing = existing;
            this.latencyMillis = latencyMillis;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String path = serveEvent.getRequest().getUrl();
            int query = path.indexOf('?');
            String title = path.substring("/wiki/".length(), query < 0 ? path.length() : query);
            boolean exists = existing.contains(title);
            return aResponse()
                    .withStatus(exists ? 200 : 404)
                    .withHeader("Content-Type", "text/html; charset=utf-8")
                    .withBody(exists
                            ? "<!doctype html><title>" + title + "</title><h1>" + title + "</h1>"
                            : "<!doctype html><title>Not found</title>")
                    .withFixedDelay(latencyMillis)
                    .build();
        }

        @Override
        public String getName() {
            return "parbench-page-lookup";
        }
    }
}
