package parbench.report.stats;

/**
 * The hierarchical (multi-level) bootstrap of Kalibera &amp; Jones ("Rigorous Benchmarking in Reasonable Time", ISMM
 * 2013, section 5; after Davison &amp; Hinkley, "Bootstrap Methods and their Application", 1997, section 3.8): each
 * resample draws runs with replacement, then within each drawn run its forks with replacement, then within each drawn
 * fork its iterations with replacement, and takes the statistic of {@link SampleTree#mean()} on that. A level with a
 * single member is kept as it is (there is nothing to draw from), so a one-fork tree resamples iterations only and
 * its {@link Estimate#oneFork()} says the interval ignores JVM-to-JVM variation.
 *
 * <p><b>Resamples.</b> {@value #DEFAULT_RESAMPLES} by default. The intervals are percentile intervals, and at 99 %
 * the endpoints are the 0.5 % and 99.5 % order statistics of the replicates; with B = 2000 each tail holds 10
 * replicates and the tail probability an endpoint stands for has a Monte Carlo standard error of
 * √(0.005 × 0.995 / 2000) ≈ 0.16 percentage points (binomial), i.e. the 99 % interval is a 98.7–99.3 % one at worst
 * two standard errors out. That is small beside the coverage error of the bootstrap itself with 2 to 10 forks, and
 * B = 2000 keeps a comparison of 10,000 results (2 × 10 iterations each) near 4 × 10⁸ index draws: a fraction of a
 * second over a few cores. Efron &amp; Tibshirani (1993, section 19.3) recommend B ≥ 1000 for percentile intervals.
 *
 * <p><b>Determinism.</b> The generator is SplitMix64 (Steele, Lea &amp; Flood, "Fast Splittable Pseudorandom Number
 * Generators", OOPSLA 2014), seeded per call from this bootstrap's seed mixed with a hash of the data, so the same
 * input always gives the same output, whatever the order or thread the calls run in, while different rows do not
 * share one sequence of draws. Indices come from Lemire's multiply-shift ("Fast Random Integer Generation in an
 * Interval", TOMACS 2019) on 32-bit halves; its bias (at most n / 2³²) is far below the Monte Carlo error.
 *
 * <p><b>Speed.</b> Trees are flat primitive arrays and each resample is one pass of index draws and additions; no
 * allocation per resample. Immutable and thread-safe: compare calls it from a parallel stream.
 */
public final class Bootstrap {

    public static final int DEFAULT_RESAMPLES = 2000;
    public static final long DEFAULT_SEED = 0x5EED_CAFE_F00DL;

    private final int resamples;
    private final long seed;
    private final boolean piloted;

    /** A bootstrap of {@code resamples} (at least 100) resamples seeded with {@code seed}. */
    public Bootstrap(int resamples, long seed) {
        this(resamples, seed, true);
    }

    private Bootstrap(int resamples, long seed, boolean piloted) {
        if (resamples < 100) {
            throw new IllegalArgumentException("at least 100 resamples are needed for an interval, found " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
        this.piloted = piloted;
    }

    /** This bootstrap without a pilot: {@link #pilot()} is itself, so every caller draws all the resamples. */
    public Bootstrap withoutPilot() {
        return piloted ? new Bootstrap(resamples, seed, false) : this;
    }

    /** {@value #DEFAULT_RESAMPLES} resamples, the default seed. */
    public static Bootstrap standard() {
        return new Bootstrap(DEFAULT_RESAMPLES, DEFAULT_SEED);
    }

    public int resamples() {
        return resamples;
    }

    public long seed() {
        return seed;
    }

    /**
     * This bootstrap cut to its first {@value BootstrapPretest#PILOT_RESAMPLES} resamples (itself when it has no
     * more): the same seed, so the pilot's replicates of a tree are the first ones of this bootstrap's, and drawing
     * the full count after a pilot gives exactly what drawing it at once gives. Itself also when made
     * {@link #withoutPilot()}.
     */
    public Bootstrap pilot() {
        return !piloted || resamples <= BootstrapPretest.PILOT_RESAMPLES ? this
                : new Bootstrap(BootstrapPretest.PILOT_RESAMPLES, seed);
    }

    /** The bootstrap distribution of {@code tree}'s mean. */
    public Replicates replicates(SampleTree tree) {
        requireData(tree);
        SplitMix random = new SplitMix(seed ^ fingerprint(tree));
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            out[b] = resampledMean(tree, random, null);
        }
        return new Replicates(out);
    }

    /**
     * The bootstrap distributions of two trees' means from one sequence of resamples, {@code [a, b]}, lined up so
     * that {@code b.dividedBy(a)} is the ratio's distribution. With {@code pairRuns} and equal run counts, each
     * resample draws the same runs on both sides: use it when run {@code r} of {@code a} and of {@code b} come from
     * the same run of the suite (a model and its {@code sequential} baseline), so that what the run shares (the
     * machine's state that day) cancels in the ratio. Forks and iterations are always drawn independently: they are
     * separate JVMs.
     */
    public Replicates[] replicatesTogether(SampleTree a, SampleTree b, boolean pairRuns) {
        requireData(a);
        requireData(b);
        boolean paired = pairRuns && a.runs() == b.runs() && a.runs() > 1;
        SplitMix random = new SplitMix(seed ^ fingerprint(a) ^ Long.rotateLeft(fingerprint(b), 17));
        double[] outA = new double[resamples];
        double[] outB = new double[resamples];
        int[] runs = paired ? new int[a.runs()] : null;
        for (int r = 0; r < resamples; r++) {
            if (paired) {
                for (int i = 0; i < runs.length; i++) {
                    runs[i] = random.index(runs.length);
                }
            }
            outA[r] = resampledMean(a, random, runs);
            outB[r] = resampledMean(b, random, runs);
        }
        return new Replicates[]{new Replicates(outA), new Replicates(outB)};
    }

    /**
     * The mean of {@code tree} with its interval at {@code confidence}: the expanded percentile interval
     * ({@link Replicates#expandedLinearInterval}) over the tree's {@link SampleTree#topLevelUnits()}, so that 3 to 10 forks
     * still get about the coverage asked for.
     */
    public Estimate score(SampleTree tree, double confidence) {
        double[] interval = replicates(tree).expandedLinearInterval(confidence, tree.mean(), tree.topLevelUnits());
        return new Estimate(tree.mean(), interval[0], interval[1], confidence, resamples, tree.minForksPerRun() == 1);
    }

    /**
     * {@code numerator.mean() / denominator.mean()} with its interval at {@code confidence}, both trees resampled
     * together (see {@link #replicatesTogether}) so the interval carries both sides' uncertainty: a compare ratio
     * (candidate / baseline, independent sides), a speedup (baseline time / model time, {@code pairRuns}).
     */
    public Estimate ratio(SampleTree numerator, SampleTree denominator, double confidence, boolean pairRuns) {
        Replicates[] both = replicatesTogether(denominator, numerator, pairRuns);
        double point = numerator.mean() / denominator.mean();
        int[] units = ratioUnits(numerator.topLevelUnits(), denominator.topLevelUnits());
        double[] interval = both[1].dividedBy(both[0]).expandedInterval(confidence, point, units[0], units[1]);
        return new Estimate(point, interval[0], interval[1], confidence, resamples,
                numerator.minForksPerRun() == 1 || denominator.minForksPerRun() == 1);
    }

    /**
     * How to expand a ratio's interval ({@link Replicates#expandedInterval(double, double, int, int)}) for sides of
     * {@code a} and {@code b} top-level units: {@code {units, degreesOfFreedom}} = {@code {min(a, b), a + b − 2}}, the
     * pooled two-sample count; when one side has a single unit (it is then exact as far as the bootstrap can tell),
     * the other side's {@code {n, n − 1}}.
     */
    public static int[] ratioUnits(int a, int b) {
        if (a < 2 || b < 2) {
            int n = Math.max(a, b);
            return new int[]{n, n - 1};
        }
        return new int[]{Math.min(a, b), a + b - 2};
    }

    /**
     * The mean of {@code tree} in one resample. {@code runs}, when given, names the runs to use (drawn by the caller,
     * shared with another tree); else they are drawn here.
     */
    private static double resampledMean(SampleTree tree, SplitMix random, int[] runs) {
        double[] values = tree.valuesView();
        int[] forkStart = tree.forkStartView();
        int[] runStart = tree.runStartView();
        int runCount = runStart.length - 1;
        if (forkStart.length == 2) {
            // one run of one fork (a plain JMH file's usual point): iterations only, the same draws as below
            int n = values.length;
            return (n == 1 ? values[0] : random.resampledSum(values, 0, n)) / n;
        }
        if (runs == null && values.length == runCount) {
            // one value per run (a history's run values): the general loop below would draw one index per run and
            // add that run's value; resampledSum makes the same draws and additions in the same order, so the
            // replicate is bit for bit the same, without the per-run calls
            return random.resampledSum(values, 0, runCount) / runCount;
        }
        double sumRuns = 0;
        for (int r = 0; r < runCount; r++) {
            int run = runs != null ? runs[r] : runCount == 1 ? 0 : random.index(runCount);
            int firstFork = runStart[run];
            int forkCount = runStart[run + 1] - firstFork;
            double sumForks = 0;
            for (int f = 0; f < forkCount; f++) {
                int fork = forkCount == 1 ? firstFork : firstFork + random.index(forkCount);
                int start = forkStart[fork];
                int n = forkStart[fork + 1] - start;
                double sum = n == 1 ? values[start] : random.resampledSum(values, start, n);
                sumForks += sum / n;
            }
            sumRuns += sumForks / forkCount;
        }
        return sumRuns / runCount;
    }

    private static void requireData(SampleTree tree) {
        if (tree.isEmpty()) {
            throw new IllegalArgumentException("cannot bootstrap an empty sample tree");
        }
    }

    /** A hash of the tree's shape and values: the per-call seed's data part. */
    static long fingerprint(SampleTree tree) {
        long h = 0x9E3779B97F4A7C15L * (tree.iterations() + 31L * tree.forks() + 961L * tree.runs());
        for (double v : tree.valuesView()) {
            h = (h ^ Double.doubleToLongBits(v)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return h;
    }

    /**
     * SplitMix64 with Lemire's bounded indices. Not thread-safe: one per call.
     */
    static final class SplitMix {
        private long state;
        private int spare;
        private boolean hasSpare;

        SplitMix(long seed) {
            this.state = seed;
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** A uniform index in {@code [0, bound)}, {@code bound} ≥ 1: two per 64-bit draw. */
        int index(int bound) {
            int bits;
            if (hasSpare) {
                bits = spare;
                hasSpare = false;
            } else {
                long r = nextLong();
                bits = (int) r;
                spare = (int) (r >>> 32);
                hasSpare = true;
            }
            return (int) (((bits & 0xFFFFFFFFL) * bound) >>> 32);
        }

        /**
         * The sum of {@code n} values drawn with replacement from {@code values[start, start + n)}: the same draws, in
         * the same order, as {@code n} calls of {@link #index}, but with the generator's state in locals and both
         * halves of each 64-bit draw used in one step. This is the bootstrap's inner loop (a comparison of 10,000
         * results makes about 4 × 10⁸ of these draws), written so that even C1 (the launcher's compiler for compare)
         * keeps it in registers.
         */
        double resampledSum(double[] values, int start, int n) {
            long s = state;
            long bound = n;
            double sum = 0;
            int i = 0;
            if (hasSpare) {
                sum += values[start + (int) (((spare & 0xFFFFFFFFL) * bound) >>> 32)];
                i = 1;
            }
            for (; i + 1 < n; i += 2) {
                long z = (s += 0x9E3779B97F4A7C15L);
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                sum += values[start + (int) (((z & 0xFFFFFFFFL) * bound) >>> 32)];
                sum += values[start + (int) (((z >>> 32) * bound) >>> 32)];
            }
            boolean leftOver = false;
            if (i < n) {
                long z = (s += 0x9E3779B97F4A7C15L);
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                sum += values[start + (int) (((z & 0xFFFFFFFFL) * bound) >>> 32)];
                spare = (int) (z >>> 32);
                leftOver = true;
            }
            state = s;
            hasSpare = leftOver;
            return sum;
        }
    }
}
