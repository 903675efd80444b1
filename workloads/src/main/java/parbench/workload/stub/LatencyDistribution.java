package parbench.workload.stub;

import java.util.Locale;

/**
 * How the stub draws each response's delay around the configured mean latency.
 *
 * <p>Draws are pure functions of a uniform value in [0, 1) (and, for {@link #LOGNORMAL}, a second
 * one), which the stub derives from its seed and the page title, so a run is reproducible.
 * Stateless and thread-safe.
 */
public enum LatencyDistribution {
    /** Every response waits exactly the mean. */
    FIXED,
    /** Uniform in [0, 2 x mean]: the mean is kept, the spread is as wide as it can be. */
    UNIFORM,
    /** Log-normal with the given mean and shape sigma = 0.5: a long right tail, like real servers. */
    LOGNORMAL;

    private static final double LOGNORMAL_SIGMA = 0.5;

    /**
     * The delay for one response, in milliseconds.
     *
     * @param meanMillis the mean delay; zero or more
     * @param u1         a uniform draw in [0, 1)
     * @param u2         a second, independent uniform draw in [0, 1) (only {@link #LOGNORMAL} uses it)
     */
    public long delayMillis(long meanMillis, double u1, double u2) {
        if (meanMillis <= 0) {
            return 0;
        }
        return switch (this) {
            case FIXED -> meanMillis;
            case UNIFORM -> Math.round(u1 * 2.0 * meanMillis);
            case LOGNORMAL -> {
                // Box-Muller: a standard normal from two uniforms; 1 - u1 keeps log() finite.
                double normal = Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
                double mu = Math.log(meanMillis) - LOGNORMAL_SIGMA * LOGNORMAL_SIGMA / 2.0;
                yield Math.round(Math.exp(mu + LOGNORMAL_SIGMA * normal));
            }
        };
    }

    /** The name as the CLI takes it: {@code fixed}, {@code uniform}, {@code lognormal}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
