package parbench.workload.wiki;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import parbench.workload.Workload;
import parbench.workload.WorkloadSpec;

/**
 * The seed article's "does this Wikipedia page exist" check, on OkHttp: GET the page and answer
 * {@code "<url> - exists"} for 200, {@code "<url> - does not exist"} for 404 and
 * {@code "<url> - unknown"} for anything else (other statuses, time-outs, refused or reset
 * connections).
 *
 * <p>One checker owns one {@link OkHttpClient}, shared by every thread of a run. OkHttp opens one
 * connection per concurrent synchronous call, so the connection pool keeps {@code concurrency}
 * idle connections instead of its default 5, and the dispatcher's limits (used by asynchronous
 * calls, 5 per host by default) are raised to {@code concurrency} so they never cap a model
 * silently. Thread-safe. {@link #close()} evicts every connection and stops the client's threads.
 */
public final class WikiPageChecker implements Workload<String, String> {

    public static final String ID = "wiki";

    /** The seed article's time-out. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How long {@link #close()} waits for the dispatcher's threads to stop. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final int concurrency;
    private final Duration timeout;
    private final WikiCorpus corpus;

    private WikiPageChecker(OkHttpClient client, HttpUrl baseUrl, int concurrency, Duration timeout, WikiCorpus corpus) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.concurrency = concurrency;
        this.timeout = timeout;
        this.corpus = corpus;
    }

    /**
     * A checker for the pages of the default corpus.
     *
     * @param baseUrl     the server, e.g. {@code http://127.0.0.1:8080}; pages are {@code <base>/wiki/<title>}
     * @param concurrency how many checks may run at once (sizes the connection pool and dispatcher); 1 or more
     * @param timeout     the whole-call time-out of one check; positive
     */
    public static WikiPageChecker create(String baseUrl, int concurrency, Duration timeout) {
        return create(baseUrl, concurrency, timeout, WikiCorpus.withDefaults());
    }

    public static WikiPageChecker create(String baseUrl, int concurrency, Duration timeout, WikiCorpus corpus) {
        HttpUrl url = HttpUrl.parse(baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be 1 or more, was " + concurrency);
        }
        if (!timeout.isPositive()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        var dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrency);
        dispatcher.setMaxRequestsPerHost(concurrency);
        OkHttpClient client = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES))
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .build();
        return new WikiPageChecker(client, url, concurrency, timeout, corpus);
    }

    /** The URL of a page: {@code <base>/wiki/<title>}. */
    public HttpUrl pageUrl(String title) {
        return baseUrl.newBuilder().addPathSegment("wiki").addPathSegment(title).build();
    }

    /** Checks one page; never throws for network trouble, which is {@code "<url> - unknown"}. */
    public String check(String title) {
        HttpUrl url = pageUrl(title);
        Request request = new Request.Builder().url(url).get().build();
        try (Response response = client.newCall(request).execute()) {
            return switch (response.code()) {
                case 200 -> url + " - exists";
                case 404 -> url + " - does not exist";
                default -> url + " - unknown";
            };
        } catch (IOException e) {
            return url + " - unknown";
        }
    }

    @Override
    public String apply(String title) {
        return check(title);
    }

    @Override
    public String expected(String title) {
        return pageUrl(title) + (corpus.exists(title) ? " - exists" : " - does not exist");
    }

    /** The first {@code tasks} titles of the corpus. */
    @Override
    public List<String> inputs(int tasks) {
        return corpus.pages(tasks).stream().map(WikiPage::title).toList();
    }

    public OkHttpClient client() {
        return client;
    }

    @Override
    public WorkloadSpec spec() {
        return new WorkloadSpec(ID, Map.of(
                "baseUrl", baseUrl.toString(),
                "concurrency", Integer.toString(concurrency),
                "timeoutMillis", Long.toString(timeout.toMillis()),
                "missingFraction", Double.toString(corpus.missingFraction())));
    }

    @Override
    public Class<String> inputType() {
        return String.class;
    }

    @Override
    public Class<String> outputType() {
        return String.class;
    }

    /**
     * Evicts every pooled connection and stops the dispatcher's threads, waiting up to
     * {@link #CLOSE_TIMEOUT} for running asynchronous calls to finish. OkHttp's JVM-wide
     * {@code OkHttp TaskRunner} threads are not the client's: they idle out by themselves.
     */
    @Override
    public void close() {
        var executor = client.dispatcher().executorService();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            client.connectionPool().evictAll();
        }
    }
}
