package parbench.report.stats;

import parbench.report.jmh.BenchmarkResult;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a benchmark's noise lives: the variance of one iteration split into a within-fork component (iteration to
 * iteration inside one JVM) and a between-fork component (JVM to JVM), with the number of iterations per fork that
 * would give the tightest interval for the same time.
 *
 * <p>The estimators are those of Kalibera &amp; Jones, "Rigorous Benchmarking in Reasonable Time" (ISMM 2013, section 4,
 * with the correction to section 9.2 the authors published): with {@code r} iterations in each of {@code n} forks,
 * <ul>
 *   <li>{@code S1² = } the mean over forks of the forks' sample variances, and {@code T1² = S1²} (within-fork);</li>
 *   <li>{@code S2² = } the sample variance of the fork means, and {@code T2² = S2² − S1² / r} (between-fork),
 *       clamped at 0 when sampling noise makes it negative;</li>
 *   <li>the optimal iterations per fork {@code r* = √((c_fork / c_iteration) · T1² / T2²)}, where {@code c_fork} is
 *       what a fork costs besides its measured iterations (JVM start-up and warm-up) and {@code c_iteration} one
 *       measured iteration.</li>
 * </ul>
 * Forks of several runs are pooled within their runs (fork means are centred on their own run's mean), so run-to-run
 * drift does not pass for JVM-to-JVM variation. Immutable.
 *
 * @param forks                 forks the split is estimated from
 * @param iterationsPerFork     mean measured iterations per fork ({@code r})
 * @param withinFork            {@code T1²}, in the score's unit squared
 * @param betweenFork           {@code T2²}
 * @param forkCostInIterations  {@code c_fork / c_iteration} used for {@link #optimalIterationsPerFork()}
 * @param advice                what to change
 */
public record VarianceSplit(int forks, double iterationsPerFork, double withinFork, double betweenFork,
                            double forkCostInIterations, SamplingAdvice advice) {

    /** How far from the optimum the used iteration count may be before the advice says to change it. */
    static final double TOLERANCE = 1.5;
    private static final Pattern TIME = Pattern.compile("\\s*([0-9.]+)\\s*(ns|us|µs|ms|s|min|m|h)\\s*");
    /** {@link #seconds}' answers by time string. */
    private static final ConcurrentHashMap<String, Double> SECONDS = new ConcurrentHashMap<>();

    /**
     * The split of {@code tree} for a fork that costs {@code forkCostInIterations} measured iterations besides its
     * measured ones. Needs 2 forks of 2 iterations at least (somewhere), else the advice is
     * {@link SamplingAdvice#NEEDS_FORKS} and the components NaN.
     */
    public static VarianceSplit of(SampleTree tree, double forkCostInIterations) {
        if (!(forkCostInIterations > 0)) {
            throw new IllegalArgumentException("a fork's cost must be positive, found " + forkCostInIterations);
        }
        double[] values = tree.valuesView();
        int[] forkStart = tree.forkStartView();
        int[] runStart = tree.runStartView();
        double withinSum = 0;
        int withinForks = 0;
        long iterations = 0;
        for (int f = 0; f < tree.forks(); f++) {
            int start = forkStart[f];
            int n = forkStart[f + 1] - start;
            iterations += n;
            if (n >= 2) {
                double mean = tree.forkMean(f);
                double ss = 0;
                for (int i = start; i < start + n; i++) {
                    ss += (values[i] - mean) * (values[i] - mean);
                }
                withinSum += ss / (n - 1);
                withinForks++;
            }
        }
        double betweenSs = 0;
        int betweenDf = 0;
        for (int r = 0; r < tree.runs(); r++) {
            int k = runStart[r + 1] - runStart[r];
            if (k < 2) {
                continue;
            }
            double runMean = tree.runMean(r);
            for (int f = runStart[r]; f < runStart[r + 1]; f++) {
                double d = tree.forkMean(f) - runMean;
                betweenSs += d * d;
            }
            betweenDf += k - 1;
        }
        double perFork = tree.forks() == 0 ? 0 : (double) iterations / tree.forks();
        if (withinForks == 0 || betweenDf == 0) {
            return new VarianceSplit(tree.forks(), perFork, Double.NaN, Double.NaN, forkCostInIterations,
                    SamplingAdvice.NEEDS_FORKS);
        }
        double s1 = withinSum / withinForks;
        double s2 = betweenSs / betweenDf;
        double t2 = Math.max(0, s2 - s1 / perFork);
        double optimal = t2 == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(forkCostInIterations * s1 / t2);
        SamplingAdvice advice;
        if (optimal > perFork * TOLERANCE) {
            advice = SamplingAdvice.MORE_ITERATIONS;
        } else if (optimal < perFork / TOLERANCE) {
            advice = SamplingAdvice.MORE_FORKS;
        } else {
            advice = SamplingAdvice.BALANCED;
        }
        return new VarianceSplit(tree.forks(), perFork, s1, t2, forkCostInIterations, advice);
    }

    /**
     * The split of one JMH result's primary metric, the fork's cost estimated from the result's settings as
     * {@code warmupIterations × warmupTime / measurementTime + 1}: warm-up iterations in units of measured ones, plus
     * one for the JVM's start-up (a rough figure; JMH does not record start-up time).
     */
    public static VarianceSplit of(BenchmarkResult result) {
        return of(SampleTree.of(result.primaryMetric()), forkCostInIterations(result));
    }

    /** {@code warmupIterations × warmupTime / measurementTime + 1}; the times' ratio is 1 when either is unreadable. */
    public static double forkCostInIterations(BenchmarkResult result) {
        double warmup = seconds(result.warmupTime());
        double measurement = seconds(result.measurementTime());
        double ratio = warmup > 0 && measurement > 0 ? warmup / measurement : 1;
        return Math.max(0, result.warmupIterations()) * ratio + 1;
    }

    /** {@code T2² / (T1² + T2²)}: the between-fork share of one iteration's variance; NaN when not estimated. */
    public double betweenForkShare() {
        double total = withinFork + betweenFork;
        return total > 0 ? betweenFork / total : Double.NaN;
    }

    /** {@code 1 − } {@link #betweenForkShare()}. */
    public double withinForkShare() {
        double share = betweenForkShare();
        return Double.isNaN(share) ? Double.NaN : 1 - share;
    }

    /** Kalibera &amp; Jones's {@code r*}, rounded up; empty when not estimated or unbounded (no between-fork variance). */
    public OptionalInt optimalIterationsPerFork() {
        if (advice == SamplingAdvice.NEEDS_FORKS || betweenFork == 0) {
            return OptionalInt.empty();
        }
        double optimal = Math.sqrt(forkCostInIterations * withinFork / betweenFork);
        return OptionalInt.of((int) Math.max(1, Math.ceil(optimal)));
    }

    /**
     * One line for a report: the shares and the advice, such as
     * {@code between forks 80 %, within 20 %: for a tighter interval in the same time, use more forks (...)}.
     */
    public String summary() {
        if (advice == SamplingAdvice.NEEDS_FORKS) {
            return advice.sentence();
        }
        String shares = String.format(Locale.ROOT, "between forks %.0f %%, within forks %.0f %%",
                betweenForkShare() * 100, withinForkShare() * 100);
        OptionalInt optimal = optimalIterationsPerFork();
        String target = optimal.isPresent() && advice != SamplingAdvice.BALANCED
                ? String.format(Locale.ROOT, " (about %d iterations per fork, %.0f now)", optimal.getAsInt(),
                iterationsPerFork) : "";
        return shares + ": " + advice.sentence() + target;
    }

    /** JMH's time strings ("10 s", "500 ms", "1 min") in seconds; NaN when unreadable. */
    static double seconds(String time) {
        if (time == null) {
            return Double.NaN;
        }
        // a file repeats a few strings in every result: each is matched once (up to a bound no real file reaches)
        Double known = SECONDS.get(time);
        if (known != null) {
            return known;
        }
        double seconds = parseSeconds(time);
        if (SECONDS.size() < 256) {
            SECONDS.putIfAbsent(time, seconds);
        }
        return seconds;
    }

    private static double parseSeconds(String time) {
        Matcher m = TIME.matcher(time);
        if (!m.matches()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> v * 1e-9;
            case "us", "µs" -> v * 1e-6;
            case "ms" -> v * 1e-3;
            case "s" -> v;
            case "min", "m" -> v * 60;
            default -> v * 3600;
        };
    }
}
