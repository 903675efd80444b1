package parbench.workload.stub;

import java.time.Duration;

import parbench.workload.wiki.WikiCorpus;

/**
 * How a {@link WikipediaStub} serves: where it listens, how slowly it answers, which pages exist,
 * which requests fail, and how many server threads it runs. Immutable; build from
 * {@link #defaults()} with the {@code with...} methods.
 *
 * @param port                TCP port on 127.0.0.1; 0 picks a free one
 * @param latency             mean delay before each response; zero to {@link #MAX_LATENCY}
 * @param corpus              which titles exist (200) and which do not (404)
 * @param corpusSize          how many corpus pages are served as existing; titles past it are 404; zero or more
 * @param latencyDistribution how each delay is drawn around {@code latency}
 * @param seed                seeds the latency draws and the choice of faulty pages
 * @param faults              which requests answer 500, reset or stall
 * @param serverThreads       Jetty container threads (accept, select and request handling); 8 or more
 * @param responseThreads     threads that send delayed responses (asynchronous responses); 1 or more
 */
public record StubConfig(int port, Duration latency, WikiCorpus corpus, int corpusSize,
                         LatencyDistribution latencyDistribution, long seed, StubFaults faults,
                         int serverThreads, int responseThreads) {

    /** Enough pages for the largest batch the suite runs. */
    public static final int DEFAULT_CORPUS_SIZE = 100_000;

    /** The seed unless one is given. */
    public static final long DEFAULT_SEED = 42;

    /**
     * Jetty threads: enough that a handful of selectors and acceptors leave plenty of request
     * handlers on a small machine; requests are cheap because delays do not hold these threads.
     */
    public static final int DEFAULT_SERVER_THREADS = 64;

    /** Threads of WireMock's scheduler for delayed responses; a delay waits on a timer, not on a thread. */
    public static final int DEFAULT_RESPONSE_THREADS = 16;

    /**
     * The longest mean latency the stub takes: ten minutes, far past any client's time-out, and
     * small enough that every drawn delay (at most 2x the mean, or about 72x for the log-normal's
     * farthest draw) fits the {@code int} milliseconds WireMock delays by.
     */
    public static final java.time.Duration MAX_LATENCY = Duration.ofMinutes(10);

    public StubConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or more, was " + latency.toMillis() + " ms");
        }
        if (latency.compareTo(MAX_LATENCY) > 0) {
            throw new IllegalArgumentException("latency must be at most " + MAX_LATENCY.toMillis() + " ms, was "
                    + latency.toMillis() + " ms");
        }
        if (corpusSize < 0) {
            throw new IllegalArgumentException("corpus size must be zero or more, was " + corpusSize);
        }
        if (serverThreads < 8) {
            throw new IllegalArgumentException("server threads must be 8 or more, was " + serverThreads);
        }
        if (responseThreads < 1) {
            throw new IllegalArgumentException("response threads must be 1 or more, was " + responseThreads);
        }
    }

    /** The three-part form the benchmarks used first: fixed latency, default seed, no faults. */
    public StubConfig(int port, Duration latency, WikiCorpus corpus, int corpusSize) {
        this(port, latency, corpus, corpusSize, LatencyDistribution.FIXED, DEFAULT_SEED, StubFaults.NONE,
                DEFAULT_SERVER_THREADS, DEFAULT_RESPONSE_THREADS);
    }

    /** A free port, no latency, the default corpus, no faults. */
    public static StubConfig defaults() {
        return new StubConfig(0, Duration.ZERO, WikiCorpus.withDefaults(), DEFAULT_CORPUS_SIZE);
    }

    public StubConfig withLatency(Duration latency) {
        return new StubConfig(port, latency, corpus, corpusSize, latencyDistribution, seed, faults,
                serverThreads, responseThreads);
    }

    /** Mean {@code latency}, each delay drawn from {@code distribution}. */
    public StubConfig withLatency(Duration latency, LatencyDistribution distribution) {
        return new StubConfig(port, latency, corpus, corpusSize, distribution, seed, faults,
                serverThreads, responseThreads);
    }

    public StubConfig withCorpus(WikiCorpus corpus, int corpusSize) {
        return new StubConfig(port, latency, corpus, corpusSize, latencyDistribution, seed, faults,
                serverThreads, responseThreads);
    }

    public StubConfig withSeed(long seed) {
        return new StubConfig(port, latency, corpus, corpusSize, latencyDistribution, seed, faults,
                serverThreads, responseThreads);
    }

    public StubConfig withFaults(StubFaults faults) {
        return new StubConfig(port, latency, corpus, corpusSize, latencyDistribution, seed, faults,
                serverThreads, responseThreads);
    }
}
