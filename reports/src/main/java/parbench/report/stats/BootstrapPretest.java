package parbench.report.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Whether a few resamples already settle a bootstrap decision, so the many are needed only where they can change it:
 * the pretest of Davidson &amp; MacKinnon ("Bootstrap tests: how many bootstraps?", Econometric Reviews 19(1), 2000,
 * 55–68, section 3). A decision "the interval's bound lies beyond {@code x}" is a bootstrap test at level
 * {@code tail = (1 − confidence) / 2}: it holds when the share {@code p} of replicates on the wrong side of {@code x}
 * is below {@code tail}. With {@code n} resamples the count on the wrong side is binomial {@code (n, p)}; when a
 * binomial test rejects {@code p = tail} at level {@link #BETA} the decision is the same as the one infinitely many
 * resamples would make, up to that probability, and no more resamples are drawn. Otherwise (the count is near
 * {@code n × tail}, which at 99 % and {@value #PILOT_RESAMPLES} resamples includes every count from 0 to 5) the caller
 * draws the full number.
 *
 * <p>{@value #PILOT_RESAMPLES} is Davidson &amp; MacKinnon's smallest sensible count for a test at 1 %: {@code α (B +
 * 1)} is a whole number, so the bootstrap p-value {@code (k + 1) / (B + 1)} can equal α exactly. Stateless.
 */
public final class BootstrapPretest {

    /** Resamples drawn first for every row. */
    public static final int PILOT_RESAMPLES = 199;
    /** The chance the pretest accepts a decision that infinitely many resamples would reverse (their β = 0.001). */
    public static final double BETA = 0.001;

    private BootstrapPretest() {
    }

    /**
     * True when {@code beyond} replicates of {@code resamples} on the wrong side of the bound leave the decision at
     * level {@code tail} open: a binomial test of {@code p = tail} does not reject at {@link #BETA}.
     */
    public static boolean undecided(int beyond, int resamples, double tail) {
        if (resamples <= 0) {
            return true;
        }
        BinomialDistribution chance = new BinomialDistribution(null, resamples, tail);
        double atMost = chance.cumulativeProbability(beyond);
        double atLeast = beyond == 0 ? 1 : 1 - chance.cumulativeProbability(beyond - 1);
        return atMost >= BETA && atLeast >= BETA;
    }
}
