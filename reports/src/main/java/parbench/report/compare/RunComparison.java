package parbench.report.compare;

import org.apache.commons.math3.distribution.TDistribution;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;
import parbench.report.stats.BootstrapPretest;
import parbench.report.stats.Replicates;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Baseline run(s) against candidate run(s): every key on either side with its verdict and the evidence it rests on.
 *
 * <p>Each side's figures are {@link parbench.report.stats.SampleTree}s, runs ⊃ forks ⊃ iterations. The change is
 * candidate / baseline:
 * <ul>
 *   <li>{@link Evidence#REPLICATED} (two runs or more on each side): one value per run, Welch's t on their logs; the
 *       spread of the runs is the noise. A change counts when its interval excludes 1 and it exceeds the key's
 *       threshold.</li>
 *   <li>{@link Evidence#UNREPLICATED} (one run on a side): the ratio's interval from the hierarchical bootstrap of both
 *       sides (forks, then iterations). That sees the noise inside each run, not the drift between runs, so a change
 *       counts only when it exceeds the threshold and its whole interval lies beyond the run-to-run allowance
 *       {@code runNoise} ({@link #counts}): an unchanged rerun must pass.</li>
 * </ul>
 * "Exceeds" is symmetric on the log scale: {@code |ln ratio| > ln(1 + allowance)}, so 10 % slower in time and in
 * throughput count alike. Its sign and the {@link Direction} make a change an improvement or a regression. A side with
 * fewer than {@value #MIN_SAMPLES} iterations is "insufficient data", never a regression. Keys on one side only are
 * added or removed, not failures.
 *
 * @param mode      the mode used and why
 * @param alpha     significance level; intervals are at {@code 1 − alpha}
 * @param threshold the default threshold and per-benchmark rules
 * @param runNoise  the run-to-run allowance for unreplicated changes, as a fraction
 * @param resampling bootstrap resamples: a pilot for every row, the full count where the pilot left the verdict open
 * @param baseline  labels of the baseline inputs
 * @param candidate labels of the candidate inputs
 * @param warnings  what the reader must know (unchecked hardware, results left out, one-fork intervals)
 * @param rows      baseline keys in baseline order, then keys only the candidate has
 * @param sampling  per benchmark of the candidate, where its noise lives and how to sample it ({@link SamplingLines});
 *                  empty where not estimated
 */
public record RunComparison(ModeChoice mode, double alpha, Thresholds threshold, double runNoise, Resampling resampling,
                            List<String> baseline, List<String> candidate, List<String> warnings,
                            List<ComparisonRow> rows, List<String> sampling) {

    public static final int MIN_SAMPLES = 3;
    /**
     * The default run-to-run allowance: the median |change| between two unchanged reruns of the same commit, measured
     * on the loaded development machine (22.7 % same-hardware, 21.9 % cross-hardware; the fixture
     * {@code compare/rerun-pair}), rounded up. See docs/compare.md, "Run-to-run allowance".
     */
    public static final double DEFAULT_RUN_NOISE = 0.25;

    public RunComparison {
        baseline = List.copyOf(baseline);
        candidate = List.copyOf(candidate);
        warnings = List.copyOf(warnings);
        rows = List.copyOf(rows);
        sampling = List.copyOf(sampling);
    }

    /** Compares with the default run-to-run allowance and bootstrap. */
    public static RunComparison of(List<RunInput> baseline, List<RunInput> candidate, HardwareMode requested,
                                   double alpha, Thresholds thresholds) {
        return of(baseline, candidate, requested, alpha, thresholds, DEFAULT_RUN_NOISE, Bootstrap.standard());
    }

    /**
     * Compares {@code candidate} runs with {@code baseline} runs in {@code requested} mode.
     *
     * <p><b>Resamples.</b> Every row is first resampled {@link Bootstrap#pilot()} times (199). Only an unreplicated
     * row whose change exceeds its threshold can have a verdict that depends on the bootstrap; for it the pilot
     * decides only when Davidson &amp; MacKinnon's pretest ({@link BootstrapPretest}) settles whether the interval
     * lies beyond the run-to-run allowance, and otherwise the row is resampled {@code bootstrap.resamples()} times
     * from the start, with the same seed, so it gets exactly the interval a non-adaptive comparison gives. Everything
     * else (a change inside its threshold, replicated rows, added and removed keys) has the pilot's intervals, which
     * are for reading: at 99 % and 199 resamples each bound is the outermost replicate.
     */
    public static RunComparison of(List<RunInput> baseline, List<RunInput> candidate, HardwareMode requested,
                                   double alpha, Thresholds thresholds, double runNoise, Bootstrap bootstrap) {
        ModeChoice mode = ModeChoice.choose(requested, baseline, candidate);
        List<String> warnings = new ArrayList<>();
        mode.warning().ifPresent(warnings::add);
        // the two sides' figures are built at once, the candidate's on another thread; its warnings follow the
        // baseline's, as when built one after the other
        boolean cross = mode.mode() == HardwareMode.CROSS_HARDWARE;
        List<String> candidateWarnings = new ArrayList<>();
        CompletableFuture<Map<ComparisonKey, Figure>> later = CompletableFuture.supplyAsync(() -> cross
                ? Figures.hardwareIndependent(candidate, candidateWarnings) : Figures.scores(candidate));
        Map<ComparisonKey, Figure> before = cross ? Figures.hardwareIndependent(baseline, warnings)
                : Figures.scores(baseline);
        Map<ComparisonKey, Figure> after = joined(later);
        warnings.addAll(candidateWarnings);
        double confidence = 1 - alpha;
        Bootstrap pilot = bootstrap.pilot();
        AtomicInteger fullRows = new AtomicInteger();
        // Rows are independent and each is deterministic (seeded from its data): compare them on every core.
        List<ComparisonRow> rows = new ArrayList<>(before.values().parallelStream().map(b -> {
            Figure c = after.get(b.key());
            double threshold = thresholds.forKey(b.key());
            if (c == null) {
                return new ComparisonRow(b.key(), b.direction(),
                        Optional.of(SideSummary.of(b, b.replicates(pilot), confidence)), Optional.empty(),
                        Optional.empty(), threshold, Verdict.REMOVED, Optional.empty());
            }
            Compared first = compare(b, c, alpha, threshold, runNoise, pilot);
            if (first.undecided() && pilot != bootstrap) {
                fullRows.incrementAndGet();
                return compare(b, c, alpha, threshold, runNoise, bootstrap).row();
            }
            return first.row();
        }).toList());
        for (Figure c : after.values()) {
            if (!before.containsKey(c.key())) {
                rows.add(new ComparisonRow(c.key(), c.direction(), Optional.empty(),
                        Optional.of(SideSummary.of(c, c.replicates(pilot), confidence)), Optional.empty(),
                        thresholds.forKey(c.key()), Verdict.ADDED, Optional.empty()));
            }
        }
        long oneFork = rows.stream().filter(r -> r.baseline().map(SideSummary::oneFork).orElse(false)
                || r.candidate().map(SideSummary::oneFork).orElse(false)).count();
        if (oneFork > 0) {
            warnings.add(oneFork + " of " + rows.size() + " rows have a run with one fork: their intervals ignore"
                    + " JVM-to-JVM variation (run at least 2 forks)");
        }
        return new RunComparison(mode, alpha, thresholds, runNoise,
                new Resampling(pilot.resamples(), bootstrap.resamples(), fullRows.get()),
                baseline.stream().map(RunInput::label).toList(), candidate.stream().map(RunInput::label).toList(),
                warnings, rows, SamplingLines.of(candidate));
    }

    /** The candidate's figures; a failure is rethrown as it was thrown. */
    private static Map<ComparisonKey, Figure> joined(CompletableFuture<Map<ComparisonKey, Figure>> figures) {
        try {
            return figures.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A row, and whether its verdict is still open after the resamples it had (see {@link BootstrapPretest}). */
    private record Compared(ComparisonRow row, boolean undecided) {
    }

    private static Compared compare(Figure baseline, Figure candidate, double alpha, double threshold,
                                    double runNoise, Bootstrap bootstrap) {
        double confidence = 1 - alpha;
        Replicates b = baseline.replicates(bootstrap);
        Replicates c = candidate.replicates(bootstrap);
        var bs = Optional.of(SideSummary.of(baseline, b, confidence));
        var cs = Optional.of(SideSummary.of(candidate, c, confidence));
        boolean replicated = baseline.runs() >= 2 && candidate.runs() >= 2;
        Replicates ratios = replicated ? null : c.dividedBy(b);
        Change change = replicated ? replicated(baseline, candidate, alpha) : bootstrapped(baseline, candidate, ratios,
                confidence);
        if (baseline.iterations() < MIN_SAMPLES || candidate.iterations() < MIN_SAMPLES) {
            String note = baseline.iterations() + " vs " + candidate.iterations() + " iterations; at least "
                    + MIN_SAMPLES + " a side needed";
            return new Compared(new ComparisonRow(baseline.key(), baseline.direction(), bs, cs, Optional.of(change),
                    threshold, Verdict.INSUFFICIENT_DATA, Optional.of(note)), false);
        }
        Verdict verdict = Verdict.UNCHANGED;
        if (counts(change, threshold, replicated ? 0 : runNoise)) {
            verdict = baseline.direction().improves(change.ratio()) ? Verdict.IMPROVED : Verdict.REGRESSED;
        }
        boolean undecided = !replicated && exceeds(change, threshold)
                && beyondAllowanceOpen(baseline, candidate, ratios, change.ratio(), confidence, runNoise);
        return new Compared(new ComparisonRow(baseline.key(), baseline.direction(), bs, cs, Optional.of(change),
                threshold, verdict, Optional.empty()), undecided);
    }

    /** The change is larger than the threshold: {@code |ln ratio| > ln(1 + threshold)}. */
    private static boolean exceeds(Change change, double threshold) {
        return Math.abs(Math.log(change.ratio())) > Math.log1p(threshold);
    }

    /**
     * True when the pretest cannot tell from these replicates whether the ratio's interval lies beyond the allowance
     * (above {@code 1 + allowance}, or below its inverse): the count of replicates, moved as the expanded interval moves
     * them, on the wrong side of either bound is compatible with the tail share at level {@link BootstrapPretest#BETA}.
     */
    private static boolean beyondAllowanceOpen(Figure baseline, Figure candidate, Replicates ratios, double point,
                                               double confidence, double allowance) {
        int[] units = Bootstrap.ratioUnits(baseline.units(), candidate.units());
        int n = ratios.finiteCount();
        double tail = (1 - confidence) / 2;
        int belowUpper = ratios.expandedCountBeyond(confidence, point, units[0], units[1], 1 + allowance, true);
        int aboveLower = ratios.expandedCountBeyond(confidence, point, units[0], units[1], 1 / (1 + allowance), false);
        return BootstrapPretest.undecided(belowUpper, n, tail) || BootstrapPretest.undecided(aboveLower, n, tail);
    }

    /**
     * Compare's rule: the change exceeds the threshold ({@code |ln ratio| > ln(1 + threshold)}) and its whole interval
     * lies beyond the allowance: above {@code 1 + allowance} or below {@code 1 / (1 + allowance)}. With allowance 0
     * that is "the interval excludes 1". An unreplicated change must so be confidently larger than what an unchanged
     * rerun typically shows, not merely larger than the noise inside one run.
     */
    public static boolean counts(Change change, double threshold, double allowance) {
        boolean large = exceeds(change, threshold);
        boolean beyond = change.low() > 1 + allowance || change.high() < 1 / (1 + allowance);
        return large && beyond;
    }

    /** The bootstrap ratio of two sides resampled independently (their replicates divided resample by resample). */
    private static Change bootstrapped(Figure baseline, Figure candidate, Replicates ratios, double confidence) {
        double point = candidate.point() / baseline.point();
        int[] units = Bootstrap.ratioUnits(baseline.units(), candidate.units());
        double[] interval = ratios.expandedInterval(confidence, point, units[0], units[1]);
        return new Change(point, interval[0], interval[1], ratios.twoSidedP(1),
                Evidence.UNREPLICATED);
    }

    /**
     * Welch's t on the logs of the runs' values: ratio of geometric means, its interval at {@code 1 − alpha}, the
     * two-sided p (Welch–Satterthwaite degrees of freedom).
     */
    static Change replicated(Figure baseline, Figure candidate, double alpha) {
        double[] b = logs(baseline.runValues());
        double[] c = logs(candidate.runValues());
        double mb = mean(b);
        double mc = mean(c);
        double vb = variance(b, mb) / b.length;
        double vc = variance(c, mc) / c.length;
        double d = mc - mb;
        double se = Math.sqrt(vb + vc);
        if (!(se > 0)) {
            double ratio = Math.exp(d);
            return new Change(ratio, ratio, ratio, d == 0 ? 1.0 : 0.0, Evidence.REPLICATED);
        }
        double df = (vb + vc) * (vb + vc)
                / (vb * vb / (b.length - 1) + vc * vc / (c.length - 1));
        TDistribution t = new TDistribution(null, df);
        double q = t.inverseCumulativeProbability(1 - alpha / 2);
        double p = 2 * t.cumulativeProbability(-Math.abs(d / se));
        return new Change(Math.exp(d), Math.exp(d - q * se), Math.exp(d + q * se), p, Evidence.REPLICATED);
    }

    private static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < logs.length; i++) {
            logs[i] = Math.log(values[i]);
        }
        return logs;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (values.length - 1);
    }

    /** The resamples behind the rows near a decision ({@code --resamples}); see {@link #resampling()}. */
    public int resamples() {
        return resampling.full();
    }

    /** True when any row regressed: the CLI exits 1. */
    public boolean hasRegression() {
        return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSED);
    }

    /** Rows per verdict, every verdict present (0 where none). */
    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        rows.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        return counts;
    }

    /**
     * What the verdicts rest on, one line per kind of evidence that occurs: the first lines after the mode in every
     * output.
     */
    public List<String> evidenceLines() {
        Map<Evidence, Long> byEvidence = new EnumMap<>(Evidence.class);
        rows.forEach(r -> r.change().ifPresent(c -> byEvidence.merge(c.evidence(), 1L, Long::sum)));
        List<String> lines = new ArrayList<>();
        byEvidence.forEach((evidence, n) -> lines.add("evidence: " + n + " row" + (n == 1 ? "" : "s") + " "
                + switch (evidence) {
            case REPLICATED -> "replicated (at least 2 runs a side): Welch's t on the runs' values; a change counts"
                    + " beyond the threshold";
            case UNREPLICATED -> "unreplicated (one run on a side): hierarchical bootstrap over forks and iterations,"
                    + " which cannot see run-to-run drift; a change counts when it exceeds the threshold and its whole"
                    + " interval lies beyond the run-to-run allowance of " + Notation.percent(runNoise)
                    + " (--run-noise)";
            case INTERLEAVED -> "interleaved (forks of both builds alternated on one machine): paired test on"
                    + " fork-level ratios";
        }));
        if (lines.isEmpty()) {
            lines.add("evidence: no row has data on both sides");
        }
        return lines;
    }

    /** {@code 2 regressed, 1 improved, 40 unchanged, ...}: the verdicts that occur, in enum order. */
    public String countsLine() {
        List<String> parts = new ArrayList<>();
        counts().forEach((v, n) -> {
            if (n > 0) {
                parts.add(n + " " + v.label());
            }
        });
        return parts.isEmpty() ? "nothing to compare" : String.join(", ", parts);
    }
}
