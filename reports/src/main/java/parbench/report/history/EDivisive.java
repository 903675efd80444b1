package parbench.report.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * E-divisive means: hierarchical, non-parametric change-point detection on a univariate series.
 *
 * <p>Method: D. S. Matteson and N. A. James, "A Nonparametric Approach for Multiple Change Point Analysis of
 * Multivariate Data", Journal of the American Statistical Association 109(505):334–345, 2014, with the energy
 * exponent α = 1. As in MongoDB's use of it (D. Daly et al., "The Use of Change Point Detection to Identify Software
 * Performance Regressions in a Continuous Integration System", ICPE 2020) and Apache Otava (formerly Hunter:
 * M. Fleming et al., "Hunter: Using Change Point Detection to Hunt for Performance Regressions", ICPE 2023), the
 * candidate split of a segment is searched with the segment's end fixed (κ = end) and a minimum segment length keeps a
 * single outlier from becoming a change.
 *
 * <p>For a split of a segment into left {@code X} (m values) and right {@code Y} (n values) the statistic is
 * <pre>
 *   Ê = 2/(mn) Σ|Xi − Yj| − 2/(m(m−1)) Σ_{i&lt;k}|Xi − Xk| − 2/(n(n−1)) Σ_{j&lt;k}|Yj − Yk|
 *   Q̂ = mn/(m+n) · Ê
 * </pre>
 * The within-sums of every prefix and suffix are kept with Fenwick trees over the values' ranks, so one scan over a
 * segment of length L costs O(L log L) instead of the direct O(L²).
 *
 * <p>Significance: the largest Q̂ over all segments is tested by permutation, the segment's values shuffled and the
 * largest Q̂ recomputed, p = (1 + #{Q̂perm ≥ Q̂}) / (1 + permutations). The count stops as soon as p can no longer be
 * below alpha (a sequential Monte-Carlo test, Besag &amp; Clifford, Biometrika 78(2), 1991), so a series without a
 * change is rejected after a few permutations. Splitting stops at the first candidate that is not significant.
 * Permutations draw from a {@link SplittableRandom} seeded by the caller: the same series gives the same answer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param minSegment   the fewest points a segment may have, at least 2
 * @param alpha        significance level of the permutation test, in (0, 1)
 * @param permutations permutations per test, at least 1
 */
public record EDivisive(int minSegment, double alpha, int permutations) {

    /**
     * Defaults: segments of at least 3 runs, p &lt; 0.01, up to 199 permutations (the smallest attainable p is then
     * 0.005; more permutations sharpen p, not the decision, and cost linearly).
     */
    public static final EDivisive DEFAULT = new EDivisive(3, 0.01, 199);

    /**
     * One change point.
     *
     * @param index the first point after the change
     * @param q     the statistic Q̂ of the split
     * @param p     the permutation p-value
     */
    public record Split(int index, double q, double p) {
    }

    public EDivisive {
        if (minSegment < 2) {
            throw new IllegalArgumentException("minSegment must be at least 2, got " + minSegment);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
    }

    /** The significant change points of {@code series}, by index; non-finite values are not allowed. */
    public List<Split> changePoints(double[] series, long seed) {
        for (int i = 0; i < series.length; i++) {
            if (!Double.isFinite(series[i])) {
                throw new IllegalArgumentException("series[" + i + "] is " + series[i]);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Candidate> open = new ArrayList<>();
        best(series, 0, series.length).ifPresent(open::add);
        List<Split> found = new ArrayList<>();
        while (!open.isEmpty()) {
            Candidate top = open.stream().max(Comparator.comparingDouble(Candidate::q)).orElseThrow();
            double p = permutationP(series, top, random);
            if (p >= alpha) {
                break;
            }
            found.add(new Split(top.tau, top.q, p));
            open.remove(top);
            best(series, top.from, top.tau).ifPresent(open::add);
            best(series, top.tau, top.to).ifPresent(open::add);
        }
        found.sort(Comparator.comparingInt(Split::index));
        return List.copyOf(found);
    }

    private record Candidate(int from, int to, int tau, double q) {
    }

    private java.util.Optional<Candidate> best(double[] series, int from, int to) {
        if (to - from < 2 * minSegment) {
            return java.util.Optional.empty();
        }
        double[] values = Arrays.copyOfRange(series, from, to);
        int[] ranks = ranks(values);
        double[] q = statistics(values, ranks, minSegment);
        int bestAt = -1;
        for (int t = minSegment; t <= values.length - minSegment; t++) {
            if (bestAt < 0 || q[t] > q[bestAt]) {
                bestAt = t;
            }
        }
        return java.util.Optional.of(new Candidate(from, to, from + bestAt, q[bestAt]));
    }

    private double permutationP(double[] series, Candidate candidate, SplittableRandom random) {
        double[] values = Arrays.copyOfRange(series, candidate.from, candidate.to);
        int[] ranks = ranks(values);
        // exceeding this many permuted maxima means p >= alpha whatever the remaining permutations give
        int allowed = (int) Math.ceil(alpha * (permutations + 1)) - 1;
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            shuffle(values, ranks, random);
            double[] q = statistics(values, ranks, minSegment);
            double max = Double.NEGATIVE_INFINITY;
            for (int t = minSegment; t <= values.length - minSegment; t++) {
                max = Math.max(max, q[t]);
            }
            if (max >= candidate.q) {
                atLeast++;
                if (atLeast > allowed) {
                    return (1.0 + atLeast) / (1.0 + r + 1);
                }
            }
        }
        return (1.0 + atLeast) / (1.0 + permutations);
    }

    /**
     * Q̂ of every split {@code t} of {@code values} into {@code [0, t)} and {@code [t, L)} for
     * {@code minSegment <= t <= L - minSegment} (other entries are NaN). {@code ranks} orders {@code values}.
     */
    static double[] statistics(double[] values, int[] ranks, int minSegment) {
        int length = values.length;
        double[] prefix = withinSums(values, ranks, false);
        double[] suffix = withinSums(values, ranks, true);
        double total = prefix[length];
        double[] q = new double[length + 1];
        Arrays.fill(q, Double.NaN);
        for (int t = Math.max(2, minSegment); t <= length - Math.max(2, minSegment); t++) {
            double m = t;
            double n = length - t;
            double left = prefix[t];
            double right = suffix[t];
            double between = total - left - right;
            double energy = 2 * between / (m * n) - 2 * left / (m * (m - 1)) - 2 * right / (n * (n - 1));
            q[t] = m * n / (m + n) * energy;
        }
        return q;
    }

    /**
     * Forward: {@code w[t]} = Σ_{i<k<t} |v_i − v_k| (the first t values). Backward: {@code w[t]} = the same sum over
     * {@code v[t..L)}. Fenwick trees over ranks give, for each new value, the count and sum of those below it.
     */
    private static double[] withinSums(double[] values, int[] ranks, boolean backward) {
        int length = values.length;
        long[] counts = new long[length + 1];
        double[] sums = new double[length + 1];
        double[] w = new double[length + 1];
        double sumAll = 0;
        double acc = 0;
        for (int step = 0; step < length; step++) {
            int i = backward ? length - 1 - step : step;
            double x = values[i];
            int rank = ranks[i] + 1;
            long below = 0;
            double belowSum = 0;
            for (int k = rank - 1; k > 0; k -= k & -k) {
                below += counts[k];
                belowSum += sums[k];
            }
            long above = step - below;
            double aboveSum = sumAll - belowSum;
            acc += (x * below - belowSum) + (aboveSum - x * above);
            for (int k = rank; k <= length; k += k & -k) {
                counts[k]++;
                sums[k] += x;
            }
            sumAll += x;
            if (backward) {
                w[i] = acc;
            } else {
                w[i + 1] = acc;
            }
        }
        if (backward) {
            w[length] = 0;
        } else {
            w[0] = 0;
        }
        return w;
    }

    /** The rank of each value (0-based, ties broken by position). */
    static int[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        int[] ranks = new int[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    private static void shuffle(double[] values, int[] ranks, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double v = values[i];
            values[i] = values[j];
            values[j] = v;
            int r = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = r;
        }
    }
}
