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
 * The within-sums of every prefix are kept with a Fenwick tree over the values' ranks, and the between- and suffix
 * sums follow from each value's distance to the whole segment, so one scan over a segment of length L costs
 * O(L log L) instead of the direct O(L²), in one pass.
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
        double[] q = new double[values.length + 1];
        new Scan(values, ranks).statistics(values, ranks, minSegment, q);
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
        Scan scan = new Scan(values, ranks);
        // exceeding this many permuted maxima means p >= alpha whatever the remaining permutations give
        int allowed = (int) Math.ceil(alpha * (permutations + 1)) - 1;
        int atLeast = 0;
        for (int r = 0; r < permutations; r++) {
            shuffle(values, ranks, random);
            if (scan.statistics(values, ranks, minSegment, null) >= candidate.q) {
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
        double[] q = new double[values.length + 1];
        new Scan(values, ranks).statistics(values, ranks, minSegment, q);
        return q;
    }

    /**
     * The scan of one segment, its buffers reused by every permutation of the segment's values. Not thread-safe.
     *
     * <p>One Fenwick pass over the values in order gives, for each value {@code x_i}, the sum of its distances to
     * the values before it, {@code c_i = Σ_{k<i}|x_i − x_k|}; their running sum is the left within-sum. The sum of
     * {@code x_i}'s distances to every value of the segment, {@code D_i}, depends on its value (and rank) only, so it
     * is computed once from the sorted values and follows the value through every permutation. Moving {@code x_t}
     * from the right part to the left changes the between-sum by {@code D_t − 2 c_t}, and the right within-sum is
     * what is left of the total: {@code W − left − between}. One pass per permutation instead of two.
     */
    private static final class Scan {
        /** {@code distances[r]}: the sum of distances from the value of rank r to all values of the segment. */
        private final double[] distances;
        private final double total;
        private final long[] counts;
        private final double[] sums;

        Scan(double[] values, int[] ranks) {
            int length = values.length;
            double[] sorted = new double[length];
            for (int i = 0; i < length; i++) {
                sorted[ranks[i]] = values[i];
            }
            double sumAll = 0;
            for (double v : sorted) {
                sumAll += v;
            }
            distances = new double[length];
            double below = 0;
            double within = 0;
            for (int r = 0; r < length; r++) {
                double x = sorted[r];
                double above = sumAll - below - x;
                distances[r] = (x * r - below) + (above - x * (length - 1 - r));
                within += x * r - below;
                below += x;
            }
            total = within;
            counts = new long[length + 1];
            sums = new double[length + 1];
        }

        /**
         * Q̂ of every admissible split into {@code q} (when not null; other entries NaN); returns the largest.
         * {@code values} and {@code ranks} are the segment's values in their current order.
         */
        double statistics(double[] values, int[] ranks, int minSegment, double[] q) {
            int length = values.length;
            Arrays.fill(counts, 0);
            Arrays.fill(sums, 0);
            if (q != null) {
                Arrays.fill(q, Double.NaN);
            }
            int first = Math.max(2, minSegment);
            int last = length - first;
            double max = Double.NEGATIVE_INFINITY;
            double sumAll = 0;
            double left = 0;
            double between = 0;
            for (int t = 0; t < last; t++) {
                // x_t joins the left part [0, t + 1)
                double x = values[t];
                int rank = ranks[t] + 1;
                long below = 0;
                double belowSum = 0;
                for (int k = rank - 1; k > 0; k -= k & -k) {
                    below += counts[k];
                    belowSum += sums[k];
                }
                double toLeft = (x * below - belowSum) + ((sumAll - belowSum) - x * (t - below));
                for (int k = rank; k <= length; k += k & -k) {
                    counts[k]++;
                    sums[k] += x;
                }
                sumAll += x;
                left += toLeft;
                between += distances[rank - 1] - 2 * toLeft;
                int split = t + 1;
                if (split >= first) {
                    double m = split;
                    double n = length - split;
                    double right = total - left - between;
                    double energy = 2 * between / (m * n) - 2 * left / (m * (m - 1)) - 2 * right / (n * (n - 1));
                    double value = m * n / (m + n) * energy;
                    if (split >= minSegment && value > max) {
                        max = value;
                    }
                    if (q != null) {
                        q[split] = value;
                    }
                }
            }
            return max;
        }
    }

    /** The rank of each value (0-based, ties broken by position), as a stable sort by {@link Double#compare}. */
    static int[] ranks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // equal values share their first position in sorted; each takes the next free rank there, in order
        int[] taken = new int[values.length];
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            int first = firstAtLeast(sorted, values[i]);
            ranks[i] = first + taken[first]++;
        }
        return ranks;
    }

    private static int firstAtLeast(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Double.compare(sorted[mid], value) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
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
