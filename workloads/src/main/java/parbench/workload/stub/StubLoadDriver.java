package parbench.workload.stub;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import parbench.workload.wiki.WikiCorpus;
import parbench.workload.wiki.WikiPage;

/**
 * Measures how many requests per second a Wikipedia stub serves: {@code inFlight} virtual
 * threads, each with its own keep-alive connection (one OkHttp client, synchronous calls, a
 * connection pool as large as {@code inFlight}), request corpus pages back to back for a warm-up
 * and then for the measured window. The sweep calls it at the start of a run so that the manifest
 * says whether the stub could have been the bottleneck.
 *
 * <p>Bounded: it stops at the end of the window or after {@code maxRequests} measured requests,
 * whichever comes first, and every request has a time-out of {@link #REQUEST_TIMEOUT}. Loopback
 * only: it refuses any URL whose host is not a loopback address. The client it builds is closed
 * (threads stopped, connections evicted) before it returns. Interruptible: interrupting the
 * thread in {@link #measure} stops the load (calls cancelled) and throws at once, so a signal
 * during a sweep's capacity probe does not wait out the warm-up and window. Stateless; calls may run concurrently,
 * although two at once measure each other.
 */
public final class StubLoadDriver {

    /** Cap on measured requests unless one is given: ~45 s at 20,000 req/s, 8 bytes of memory each. */
    public static final long DEFAULT_MAX_REQUESTS = 1_000_000;

    /**
     * The default warm-up: lets the JIT compile both sides (Jetty, WireMock, OkHttp) and the
     * connections open. On a busy 2-core machine a 2 s warm-up measured 100-600 req/s where a
     * warm stub served over 10,000: C2 needs many seconds of scarce CPU.
     */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(10);

    /** One request's time-out; a request that needs longer counts as an error. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** How many distinct titles the requests cycle through. */
    private static final int TITLES = 1_000;

    private StubLoadDriver() {}

    /** {@link #measure(String, int, Duration, Duration, long)} with the default warm-up and request cap. */
    public static StubCapacity measure(String baseUrl, int inFlight, Duration duration) throws InterruptedException {
        return measure(baseUrl, inFlight, DEFAULT_WARMUP, duration, DEFAULT_MAX_REQUESTS);
    }

    /**
     * Loads the stub at {@code baseUrl} and reports what it served.
     *
     * @param baseUrl     e.g. {@code http://127.0.0.1:8080}; the host must be a loopback address
     * @param inFlight    requests in flight at once; 1 to 10,000
     * @param warmup      unmeasured load before the window; zero or more
     * @param duration    the measured window; positive, at most 10 minutes
     * @param maxRequests stops the window early after this many requests; 1 or more
     * @throws InterruptedException if interrupted while waiting for the load (the load is stopped first)
     */
    public static StubCapacity measure(String baseUrl, int inFlight, Duration warmup, Duration duration,
                                       long maxRequests) throws InterruptedException {
        HttpUrl base = loopbackUrl(baseUrl);
        if (inFlight < 1 || inFlight > 10_000) {
            throw new IllegalArgumentException("in-flight requests must be within [1, 10000], was " + inFlight);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must be zero or more, was " + warmup);
        }
        if (!duration.isPositive() || duration.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("duration must be positive and at most 10 minutes, was " + duration);
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("max requests must be 1 or more, was " + maxRequests);
        }
        List<HttpUrl> urls = new ArrayList<>(TITLES);
        for (WikiPage page : WikiCorpus.withDefaults().pages(TITLES)) {
            urls.add(base.newBuilder().addPathSegment("wiki").addPathSegment(page.title()).build());
        }
        OkHttpClient client = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(inFlight, 1, TimeUnit.MINUTES))
                .callTimeout(REQUEST_TIMEOUT)
                .retryOnConnectionFailure(false)
                .build();
        long start = System.nanoTime();
        var window = new Window(start + warmup.toNanos(), start + warmup.toNanos() + duration.toNanos(), maxRequests);
        List<Future<long[]>> workers = new ArrayList<>(inFlight);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < inFlight; i++) {
                int first = i;
                workers.add(executor.submit(() -> load(client, urls, first, inFlight, window)));
            }
            long[] latencies = collect(workers, window, client);
            // The window is its full length, unless the request cap closed it at the last completion.
            boolean capped = window.measured.get() > maxRequests;
            long windowNanos = capped ? window.lastCompletion.get() - window.start : window.end - window.start;
            return capacity(base.toString(), inFlight, latencies, window.errors.get(), windowNanos);
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /**
     * Waits for every worker (each stops by itself at the window's end) and merges their latencies.
     * Interrupted, it stops the load at once: the workers' loops end, every call in flight is
     * cancelled (its socket closed) and the workers are interrupted, so the executor's close does
     * not wait out the window.
     */
    private static long[] collect(List<Future<long[]>> workers, Window window, OkHttpClient client)
            throws InterruptedException {
        long deadline = window.end + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(5);
        List<long[]> parts = new ArrayList<>(workers.size());
        try {
            for (Future<long[]> worker : workers) {
                parts.add(worker.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("load workers did not stop within the request time-out after the window", e);
        } catch (InterruptedException e) {
            window.stopped.set(true);
            client.dispatcher().cancelAll();
            workers.forEach(worker -> worker.cancel(true));
            throw e;
        }
        int total = parts.stream().mapToInt(part -> part.length).sum();
        long[] all = new long[total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** One connection's loop: request titles back to back until the window closes; returns measured latencies. */
    private static long[] load(OkHttpClient client, List<HttpUrl> urls, int first, int stride, Window window) {
        long[] latencies = new long[1024];
        int count = 0;
        for (int next = first; !Thread.currentThread().isInterrupted() && !window.stopped.get(); next += stride) {
            long sent = System.nanoTime();
            if (sent >= window.end) {
                break;
            }
            boolean ok = get(client, urls.get(next % urls.size()));
            long done = System.nanoTime();
            if (sent < window.start || done > window.end) {
                continue;
            }
            if (window.measured.incrementAndGet() > window.maxRequests) {
                break;
            }
            window.lastCompletion.accumulateAndGet(done, Math::max);
            if (!ok) {
                window.errors.incrementAndGet();
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = done - sent;
        }
        return Arrays.copyOf(latencies, count);
    }

    /** True when the stub answered 200 or 404 (the body read in full, as a checker would). */
    private static boolean get(OkHttpClient client, HttpUrl url) {
        try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
            response.body().bytes();
            return response.code() == 200 || response.code() == 404;
        } catch (IOException e) {
            return false;
        }
    }

    private static StubCapacity capacity(String baseUrl, int inFlight, long[] latencies, long errors,
                                         long windowNanos) {
        Arrays.sort(latencies);
        long requests = latencies.length;
        double seconds = Math.max(0, windowNanos) / 1e9;
        return new StubCapacity(baseUrl, inFlight, seconds, requests, errors,
                seconds == 0 ? 0 : requests / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.90), percentile(latencies, 0.99),
                requests == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted nanos, in ms; 0 for no data. */
    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static HttpUrl loopbackUrl(String baseUrl) {
        HttpUrl url = HttpUrl.parse(baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        try {
            if (!InetAddress.getByName(url.host()).isLoopbackAddress()) {
                throw new IllegalArgumentException("the load driver only targets loopback; '" + baseUrl + "' is not");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in '" + baseUrl + "'", e);
        }
        return url;
    }

    /** The measured window, shared by the workers: bounds and counters. */
    private static final class Window {
        final long start;
        final long end;
        final long maxRequests;
        final AtomicLong measured = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong lastCompletion = new AtomicLong();
        /** Set when the measuring thread is interrupted: every worker's loop ends before its next request. */
        final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

        Window(long start, long end, long maxRequests) {
            this.start = start;
            this.end = end;
            this.maxRequests = maxRequests;
        }
    }
}
