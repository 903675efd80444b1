package parbench.report.stats;

import parbench.report.jmh.HistogramBin;
import parbench.report.jmh.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The measurements of one benchmark at one set of params, kept at the levels where their noise lives: runs (separate
 * invocations of the whole suite, on one side of a comparison) contain forks (JVM invocations) contain measurement
 * iterations (Kalibera &amp; Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013; Georges, Buytaert &amp;
 * Eeckhout, "Statistically Rigorous Java Performance Evaluation", OOPSLA 2007). Iterations of one JVM share its JIT
 * decisions, heap layout and GC state; forks of one run share the machine's state; so neither level is a set of
 * independent draws from the level above, and the {@link Bootstrap} resamples each level in turn.
 *
 * <p>Stored flat, as primitive arrays: {@code values} holds every iteration, fork after fork; fork {@code f} is
 * {@code values[forkStart[f] .. forkStart[f + 1])}; run {@code r} holds forks {@code runStart[r] .. runStart[r + 1])}.
 * Every run has at least one fork and every fork at least one iteration; values that are not finite are dropped when
 * the tree is built (a fork left empty is dropped, then a run left empty).
 *
 * <p>Sample mode ({@code rawDataHistogram}): JMH times single operations and bins them per iteration; the iteration's
 * value is the count-weighted mean of its bins. Operations inside one iteration are not independent draws either, so
 * they are not a level of their own. (JMH's own sample-mode score pools every operation, so iterations that fitted
 * more operations weigh more there; here every iteration weighs the same, and the two means differ when the iterations'
 * counts do.)
 *
 * <p>The central value ({@link #mean()}) is the mean of run means of fork means of iterations: every fork weighs the
 * same within its run and every run the same, whatever its iteration count. Immutable and thread-safe.
 */
public final class SampleTree {

    private final double[] values;
    private final int[] forkStart;
    private final int[] runStart;

    private SampleTree(double[] values, int[] forkStart, int[] runStart) {
        this.values = values;
        this.forkStart = forkStart;
        this.runStart = runStart;
    }

    /** One run of forks, {@code forks[f]} being fork {@code f}'s iteration values. */
    public static SampleTree ofForks(double[]... forks) {
        return ofRuns(List.<double[][]>of(forks));
    }

    /** Several runs, {@code runs.get(r)[f]} being fork {@code f} of run {@code r}. */
    public static SampleTree ofRuns(List<double[][]> runs) {
        Builder builder = new Builder();
        for (double[][] run : runs) {
            builder.run();
            for (double[] fork : run) {
                builder.fork(fork);
            }
        }
        return builder.build();
    }

    /**
     * The primary or a secondary metric of one JMH result as a one-run tree: {@code rawData} per fork and iteration,
     * or for sample mode each iteration's histogram reduced to its count-weighted mean. Values are taken as written
     * (no unit conversion: see {@link #scaled}).
     */
    public static SampleTree of(Metric metric) {
        Builder builder = new Builder().run();
        if (!metric.rawDataHistogram().isEmpty()) {
            for (List<List<HistogramBin>> fork : metric.rawDataHistogram()) {
                double[] iterations = new double[fork.size()];
                for (int i = 0; i < iterations.length; i++) {
                    iterations[i] = weightedMean(fork.get(i));
                }
                builder.fork(iterations);
            }
        } else {
            for (int f = 0; f < metric.forkCount(); f++) {
                builder.fork(metric.forkValues(f));
            }
        }
        return builder.build();
    }

    /**
     * Several trees as the runs of one: each part's runs become runs of the result, in order. This is how several
     * runs of one side of a comparison (repeated {@code --baseline}) or stored history become one tree.
     */
    public static SampleTree ofRunsOf(List<SampleTree> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Builder builder = new Builder();
        for (SampleTree part : parts) {
            for (int r = 0; r < part.runs(); r++) {
                builder.run();
                for (int f = part.runStart[r]; f < part.runStart[r + 1]; f++) {
                    builder.fork(Arrays.copyOfRange(part.values, part.forkStart[f], part.forkStart[f + 1]));
                }
            }
        }
        return builder.build();
    }

    /**
     * Several trees of one run as one run: their forks side by side (a key repeated in one JMH file, or the files of
     * one run directory). Fails when a part has more than one run.
     */
    public static SampleTree forksOf(List<SampleTree> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Builder builder = new Builder().run();
        for (SampleTree part : parts) {
            if (part.runs() > 1) {
                throw new IllegalArgumentException("forksOf joins one-run trees; a part has " + part.runs() + " runs");
            }
            for (int f = 0; f < part.forks(); f++) {
                builder.fork(part.fork(f));
            }
        }
        return builder.build();
    }

    /** Every value multiplied by {@code factor} (a unit conversion); {@code factor} must be finite and non-zero. */
    public SampleTree scaled(double factor) {
        if (!Double.isFinite(factor) || factor == 0) {
            throw new IllegalArgumentException("scale factor must be finite and non-zero, found " + factor);
        }
        double[] scaled = new double[values.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = values[i] * factor;
        }
        return new SampleTree(scaled, forkStart, runStart);
    }

    /** True when the tree holds no value at all. */
    public boolean isEmpty() {
        return values.length == 0;
    }

    public int runs() {
        return runStart.length - 1;
    }

    /** Forks over all runs. */
    public int forks() {
        return forkStart.length - 1;
    }

    /** Iterations over all forks. */
    public int iterations() {
        return values.length;
    }

    /** The fewest forks any run has: 1 means some run's interval cannot see JVM-to-JVM variation. */
    public int minForksPerRun() {
        int min = Integer.MAX_VALUE;
        for (int r = 0; r < runs(); r++) {
            min = Math.min(min, runStart[r + 1] - runStart[r]);
        }
        return runs() == 0 ? 0 : min;
    }

    /**
     * The independent units at the top level the bootstrap resamples: runs when there are several, else forks when
     * there are several, else iterations. What {@link Replicates#expandedInterval} needs as {@code units}.
     */
    public int topLevelUnits() {
        if (runs() > 1) {
            return runs();
        }
        return forks() > 1 ? forks() : iterations();
    }

    /** Forks of run {@code r}. */
    public int forksIn(int run) {
        return runStart[run + 1] - runStart[run];
    }

    /** A copy of fork {@code f}'s iterations (forks numbered over all runs). */
    public double[] fork(int f) {
        return Arrays.copyOfRange(values, forkStart[f], forkStart[f + 1]);
    }

    /** The mean of fork {@code f}'s iterations. */
    public double forkMean(int f) {
        double sum = 0;
        for (int i = forkStart[f]; i < forkStart[f + 1]; i++) {
            sum += values[i];
        }
        return sum / (forkStart[f + 1] - forkStart[f]);
    }

    /** The mean of run {@code r}'s fork means. */
    public double runMean(int r) {
        double sum = 0;
        for (int f = runStart[r]; f < runStart[r + 1]; f++) {
            sum += forkMean(f);
        }
        return sum / (runStart[r + 1] - runStart[r]);
    }

    /** The mean of run means of fork means; NaN when empty. */
    public double mean() {
        if (isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (int r = 0; r < runs(); r++) {
            sum += runMean(r);
        }
        return sum / runs();
    }

    /** The median of the run means: the central value replicated runs agree on; NaN when empty. */
    public double medianOfRunMeans() {
        if (isEmpty()) {
            return Double.NaN;
        }
        double[] means = new double[runs()];
        for (int r = 0; r < means.length; r++) {
            means[r] = runMean(r);
        }
        Arrays.sort(means);
        int n = means.length;
        return n % 2 == 1 ? means[n / 2] : (means[n / 2 - 1] + means[n / 2]) / 2;
    }

    /** A copy of every iteration value, forks in order (for tests of one level that ignore the others). */
    public double[] pooled() {
        return values.clone();
    }

    // package-private views for the bootstrap's inner loops: never modified
    double[] valuesView() {
        return values;
    }

    int[] forkStartView() {
        return forkStart;
    }

    int[] runStartView() {
        return runStart;
    }

    @Override
    public String toString() {
        return "SampleTree[" + runs() + " runs, " + forks() + " forks, " + iterations() + " iterations, mean "
                + mean() + "]";
    }

    private static double weightedMean(List<HistogramBin> bins) {
        double sum = 0;
        double count = 0;
        for (HistogramBin bin : bins) {
            if (bin.count() > 0 && Double.isFinite(bin.value())) {
                sum += bin.value() * bin.count();
                count += bin.count();
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    /**
     * Builds a tree run by run and fork by fork. Not thread-safe; {@link #build} may be called once.
     */
    public static final class Builder {
        private double[] values = new double[16];
        private int size;
        private final List<Integer> forkStarts = new ArrayList<>();
        private final List<Integer> runStarts = new ArrayList<>();
        private boolean open;

        /** Starts a new run; the forks that follow belong to it. */
        public Builder run() {
            closeRun();
            runStarts.add(forkStarts.size());
            open = true;
            return this;
        }

        /** Adds a fork of the current run (a run is started if none is); non-finite values are dropped. */
        public Builder fork(double... iterations) {
            if (!open) {
                run();
            }
            int start = size;
            for (double v : iterations) {
                if (Double.isFinite(v)) {
                    if (size == values.length) {
                        values = Arrays.copyOf(values, values.length * 2);
                    }
                    values[size++] = v;
                }
            }
            if (size > start) {
                forkStarts.add(start);
            }
            return this;
        }

        private void closeRun() {
            if (open && runStarts.get(runStarts.size() - 1) == forkStarts.size()) {
                runStarts.remove(runStarts.size() - 1);
            }
            open = false;
        }

        public SampleTree build() {
            closeRun();
            int[] forks = new int[forkStarts.size() + 1];
            for (int i = 0; i < forkStarts.size(); i++) {
                forks[i] = forkStarts.get(i);
            }
            forks[forkStarts.size()] = size;
            int[] runs = new int[runStarts.size() + 1];
            for (int i = 0; i < runStarts.size(); i++) {
                runs[i] = runStarts.get(i);
            }
            runs[runStarts.size()] = forkStarts.size();
            return new SampleTree(Arrays.copyOf(values, size), forks, runs);
        }
    }
}
