package parbench.workload.stub;

import java.time.Duration;

import parbench.workload.wiki.WikiCorpus;

/**
 * How a {@link WikipediaStub} serves: where it listens, how slowly it answers, which pages exist.
 *
 * @param port            TCP port on 127.0.0.1; 0 picks a free one
 * @param latency         fixed delay before each response; zero or more
 * @param corpus          which titles exist (200) and which do not (404)
 * @param corpusSize      how many corpus pages are served as existing; titles past it are 404
 */
public record StubConfig(int port, Duration latency, WikiCorpus corpus, int corpusSize) {

    /** Enough pages for the largest batch the suite runs. */
    public static final int DEFAULT_CORPUS_SIZE = 100_000;

    public StubConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within [0, 65535], was " + port);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or more, was " + latency.toMillis() + " ms");
        }
        if (corpusSize < 0) {
            throw new IllegalArgumentException("corpus size must be zero or more, was " + corpusSize);
        }
    }

    /** A free port, no latency, the default corpus. */
    public static StubConfig defaults() {
        return new StubConfig(0, Duration.ZERO, WikiCorpus.withDefaults(), DEFAULT_CORPUS_SIZE);
    }

    public StubConfig withPort(int port) {
        return new StubConfig(port, latency, corpus, corpusSize);
    }

    public StubConfig withLatency(Duration latency) {
        return new StubConfig(port, latency, corpus, corpusSize);
    }

    public StubConfig withCorpus(WikiCorpus corpus, int corpusSize) {
        return new StubConfig(port, latency, corpus, corpusSize);
    }
}
