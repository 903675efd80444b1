package parbench.report.stats;

import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.List;

/**
 * Two builds measured fork by fork in interleaved pairs on one machine ({@code parbench ab}): fork {@code i} of the
 * candidate ran right after (or right before) fork {@code i} of the base, so whatever drifts on the machine hits
 * both alike and cancels in their ratio. The statistic is the geometric mean over pairs of the fork-level ratios
 * {@code mean(candidate fork i) / mean(base fork i)}.
 *
 * <p>The interval is a hierarchical bootstrap of the pairs: each resample draws pairs with replacement, then the
 * iterations of each of the pair's two forks with replacement (Kalibera &amp; Jones 2013, applied to paired forks),
 * widened for few pairs ({@link Replicates#expandedInterval}, units = pairs). The p-value is the Wilcoxon signed-rank
 * test on the log ratios (commons-math3; exact for up to 20 pairs, whose 2^n enumeration stays under a second, normal approximation beyond). Immutable and
 * thread-safe.
 *
 * @param base      the base build's forks, in pair order
 * @param candidate the candidate build's forks, pair {@code i} with {@code base.get(i)}
 */
public record PairedForks(List<double[]> base, List<double[]> candidate) {

    /** The most pairs for which the Wilcoxon test is computed exactly. */
    static final int EXACT_PAIRS = 20;

    public PairedForks {
        if (base.size() != candidate.size()) {
            throw new IllegalArgumentException("paired forks need as many candidate forks as base forks: "
                    + base.size() + " vs " + candidate.size());
        }
        for (int i = 0; i < base.size(); i++) {
            if (base.get(i).length == 0 || candidate.get(i).length == 0) {
                throw new IllegalArgumentException("pair " + i + " has a fork without iterations");
            }
        }
        base = base.stream().map(double[]::clone).toList();
        candidate = candidate.stream().map(double[]::clone).toList();
    }

    public int pairs() {
        return base.size();
    }

    /** The fork-level ratios {@code mean(candidate i) / mean(base i)}. */
    public double[] ratios() {
        double[] ratios = new double[pairs()];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = mean(candidate.get(i)) / mean(base.get(i));
        }
        return ratios;
    }

    /** The geometric mean of {@link #ratios()}. */
    public double ratio() {
        double sum = 0;
        for (double r : ratios()) {
            sum += Math.log(r);
        }
        return Math.exp(sum / pairs());
    }

    /**
     * The ratio with its interval at {@code confidence}; needs 2 pairs at least. Deterministic: seeded from the
     * bootstrap's seed and the data.
     */
    public Estimate estimate(Bootstrap bootstrap, double confidence) {
        if (pairs() < 2) {
            throw new IllegalArgumentException("an interval needs at least 2 pairs, found " + pairs());
        }
        SampleTree b = SampleTree.ofForks(base.toArray(double[][]::new));
        SampleTree c = SampleTree.ofForks(candidate.toArray(double[][]::new));
        Bootstrap.SplitMix random = new Bootstrap.SplitMix(bootstrap.seed() ^ Bootstrap.fingerprint(b)
                ^ Long.rotateLeft(Bootstrap.fingerprint(c), 29));
        int n = pairs();
        double[] out = new double[bootstrap.resamples()];
        for (int r = 0; r < out.length; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                int pair = random.index(n);
                sum += Math.log(resampledMean(candidate.get(pair), random) / resampledMean(base.get(pair), random));
            }
            out[r] = Math.exp(sum / n);
        }
        double point = ratio();
        double[] interval = new Replicates(out).expandedInterval(confidence, point, n);
        return new Estimate(point, interval[0], interval[1], confidence, bootstrap.resamples(), false);
    }

    /** The two-sided Wilcoxon signed-rank p-value of "the log ratios are centred on 0"; 1 with fewer than 2 pairs. */
    public double p() {
        if (pairs() < 2) {
            return 1.0;
        }
        double[] logs = new double[pairs()];
        double[] zeros = new double[pairs()];
        double[] ratios = ratios();
        boolean allZero = true;
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(ratios[i]);
            allZero &= logs[i] == 0;
        }
        if (allZero) {
            return 1.0;
        }
        // commons-math3 doubles a one-sided tail, which passes 1 when the statistic sits at the centre
        return Math.min(1.0, new WilcoxonSignedRankTest().wilcoxonSignedRankTest(logs, zeros, pairs() <= EXACT_PAIRS));
    }

    private static double resampledMean(double[] iterations, Bootstrap.SplitMix random) {
        int n = iterations.length;
        if (n == 1) {
            return iterations[0];
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += iterations[random.index(n)];
        }
        return sum / n;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
