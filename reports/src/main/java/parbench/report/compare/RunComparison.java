package parbench.report.compare;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import parbench.report.run.RunInput;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Baseline run(s) against candidate run(s): every key on either side with its verdict.
 *
 * <p>A change counts only when it is significant (Mann-Whitney p &lt; alpha) <em>and</em> the ratio of medians is
 * further from 1 than the key's threshold; its sign and the {@link Direction} make it an improvement or a
 * regression. A side with fewer than {@value #MIN_SAMPLES} samples, or too few for the test ever to reach alpha, is
 * "insufficient data", never a regression. Keys on one side only are added or removed, not failures.
 *
 * @param mode      the mode used and why
 * @param alpha     significance level
 * @param threshold the default threshold and per-benchmark rules
 * @param baseline  labels of the baseline inputs
 * @param candidate labels of the candidate inputs
 * @param warnings  what the reader must know (unchecked hardware, results left out)
 * @param rows      baseline keys in baseline order, then keys only the candidate has
 */
public record RunComparison(ModeChoice mode, double alpha, Thresholds threshold, List<String> baseline,
                            List<String> candidate, List<String> warnings, List<ComparisonRow> rows) {

    public static final int MIN_SAMPLES = 3;

    public RunComparison {
        baseline = List.copyOf(baseline);
        candidate = List.copyOf(candidate);
        warnings = List.copyOf(warnings);
        rows = List.copyOf(rows);
    }

    /** Compares {@code candidate} runs with {@code baseline} runs in {@code requested} mode. */
    public static RunComparison of(List<RunInput> baseline, List<RunInput> candidate, HardwareMode requested,
                                   double alpha, Thresholds thresholds) {
        ModeChoice mode = ModeChoice.choose(requested, baseline, candidate);
        List<String> warnings = new ArrayList<>();
        mode.warning().ifPresent(warnings::add);
        Map<ComparisonKey, Figure> before;
        Map<ComparisonKey, Figure> after;
        if (mode.mode() == HardwareMode.CROSS_HARDWARE) {
            before = Figures.hardwareIndependent(baseline, warnings);
            after = Figures.hardwareIndependent(candidate, warnings);
        } else {
            before = Figures.scores(baseline);
            after = Figures.scores(candidate);
        }
        double z = Change.z(alpha);
        // Rows are independent: compare them on every core (10,000 rows are a few hundred ms on one).
        List<ComparisonRow> rows = new ArrayList<>(before.values().parallelStream().map(b -> {
            Figure c = after.get(b.key());
            double threshold = thresholds.forKey(b.key());
            if (c == null) {
                return new ComparisonRow(b.key(), b.direction(), Optional.of(SideSummary.at(b.samples(), z)),
                        Optional.empty(), Optional.empty(), threshold, Verdict.REMOVED, Optional.empty());
            }
            return compare(b, c, alpha, threshold, new MannWhitneyUTest(), z);
        }).toList());
        for (Figure c : after.values()) {
            if (!before.containsKey(c.key())) {
                rows.add(new ComparisonRow(c.key(), c.direction(), Optional.empty(),
                        Optional.of(SideSummary.at(c.samples(), z)), Optional.empty(), thresholds.forKey(c.key()),
                        Verdict.ADDED, Optional.empty()));
            }
        }
        return new RunComparison(mode, alpha, thresholds, baseline.stream().map(RunInput::label).toList(),
                candidate.stream().map(RunInput::label).toList(), warnings, rows);
    }

    private static ComparisonRow compare(Figure baseline, Figure candidate, double alpha, double threshold,
                                         MannWhitneyUTest test, double z) {
        Samples b = baseline.samples();
        Samples c = candidate.samples();
        var bs = Optional.of(SideSummary.at(b, z));
        var cs = Optional.of(SideSummary.at(c, z));
        String insufficient = null;
        if (b.size() < MIN_SAMPLES || c.size() < MIN_SAMPLES) {
            insufficient = b.size() + " vs " + c.size() + " samples; at least " + MIN_SAMPLES + " a side needed";
        } else if (Change.smallestPossibleP(b.size(), c.size()) >= alpha) {
            insufficient = b.size() + " vs " + c.size() + " samples can never reach p < " + alpha;
        }
        if (insufficient != null) {
            Optional<Change> change = b.size() > 0 && c.size() > 0
                    ? Optional.of(Change.between(b, c, test, z)) : Optional.empty();
            return new ComparisonRow(baseline.key(), baseline.direction(), bs, cs, change, threshold,
                    Verdict.INSUFFICIENT_DATA, Optional.of(insufficient));
        }
        Change change = Change.between(b, c, test, z);
        Verdict verdict = Verdict.UNCHANGED;
        if (change.p() < alpha && Math.abs(change.ratio() - 1) > threshold) {
            verdict = baseline.direction().improves(change.ratio()) ? Verdict.IMPROVED : Verdict.REGRESSED;
        }
        return new ComparisonRow(baseline.key(), baseline.direction(), bs, cs, Optional.of(change), threshold, verdict,
                Optional.empty());
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
