package parbench.workload.stub;

import java.time.Duration;

/**
 * Which requests the stub answers badly, for reliability tests: a fraction answered 500, a
 * fraction whose connection is reset, and a fraction delayed by {@code slowDelay} (meant to be
 * beyond the client's time-out). The fractions are disjoint and their sum is at most 1; the stub
 * picks each page's fate from its seed and the title, so the same title always meets the same fault.
 *
 * @param errorFraction fraction of requests answered {@code 500}, in [0, 1]
 * @param resetFraction fraction of requests whose connection is reset by the server, in [0, 1]
 * @param slowFraction  fraction of requests delayed by {@code slowDelay}, in [0, 1]
 * @param slowDelay     the delay of a slow request; positive, at most {@link StubConfig#MAX_LATENCY}
 */
public record StubFaults(double errorFraction, double resetFraction, double slowFraction, Duration slowDelay) {

    /** The delay of a slow request unless one is given: well past the seed's 10 s time-out. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(30);

    /** No faults. */
    public static final StubFaults NONE = new StubFaults(0, 0, 0, DEFAULT_SLOW_DELAY);

    public StubFaults {
        requireFraction("error fraction", errorFraction);
        requireFraction("reset fraction", resetFraction);
        requireFraction("slow fraction", slowFraction);
        if (errorFraction + resetFraction + slowFraction > 1.0 + 1e-9) {
            throw new IllegalArgumentException("error, reset and slow fractions must add up to at most 1, were "
                    + errorFraction + " + " + resetFraction + " + " + slowFraction);
        }
        if (!slowDelay.isPositive()) {
            throw new IllegalArgumentException("slow delay must be positive, was " + slowDelay.toMillis() + " ms");
        }
        if (slowDelay.compareTo(StubConfig.MAX_LATENCY) > 0) {
            throw new IllegalArgumentException("slow delay must be at most " + StubConfig.MAX_LATENCY.toMillis()
                    + " ms, was " + slowDelay.toMillis() + " ms");
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within [0, 1], was " + value);
        }
    }

    /** What happens to a request whose uniform draw is {@code u} in [0, 1). */
    public Fault faultFor(double u) {
        if (u < errorFraction) {
            return Fault.SERVER_ERROR;
        }
        if (u < errorFraction + resetFraction) {
            return Fault.CONNECTION_RESET;
        }
        if (u < errorFraction + resetFraction + slowFraction) {
            return Fault.SLOW;
        }
        return Fault.NONE;
    }

    /** The fate of one request. */
    public enum Fault {
        /** Answered normally: 200 or 404 after the latency. */
        NONE,
        /** Answered 500. */
        SERVER_ERROR,
        /** The server resets the connection instead of answering. */
        CONNECTION_RESET,
        /** Answered normally, but only after {@link StubFaults#slowDelay()}. */
        SLOW
    }
}
