package parbench.report.ab;

import org.junit.jupiter.api.Test;
import parbench.report.compare.ComparisonKey;
import parbench.report.compare.ComparisonRow;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.compare.Verdict;
import parbench.report.stats.Bootstrap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REAL data: three long {@code parbench ab} sessions recorded on the development machine
 * ({@code src/test/resources/ab/README.md}): SleepBenchmark at {@code taskMillis} 10 against 11 (a true change of
 * about +10 % for sequential and the pools at p ≤ tasks, every point here is one of those) once on the quiet machine
 * and once while it was loaded, and the same build against itself (A/A, loaded). A "repeat" is a trial of
 * {@value #PAIRS_PER_TRIAL} pairs drawn without replacement from the session's pairs (subsampling: each trial is
 * real forks that ran interleaved, analysed as {@code ab} analyses a session of that length), {@value #TRIALS} trials
 * with a fixed seed, at ab's defaults (threshold 5 %, alpha 0.01).
 */
class RealSessionTest {

    static final int PAIRS_PER_TRIAL = 10;
    static final int TRIALS = 100;
    private static final Path AB = Path.of("src", "test", "resources", "ab");
    private static final AbAnalysis ANALYSIS = new AbAnalysis(0.01, Thresholds.uniform(0.05), Bootstrap.standard());

    private static List<ComparisonRow> trials(AbRecord session, long seed) {
        Random random = new Random(seed);
        List<ComparisonRow> rows = new ArrayList<>();
        for (int t = 0; t < TRIALS; t++) {
            List<Integer> pairs = new ArrayList<>();
            for (int i = 0; i < session.pairs(); i++) {
                pairs.add(i);
            }
            java.util.Collections.shuffle(pairs, random);
            AbRecord trial = session.subset(pairs.subList(0, PAIRS_PER_TRIAL));
            RunComparison comparison = ANALYSIS.analyse(trial, "base", "candidate");
            rows.addAll(comparison.rows());
        }
        return rows;
    }

    /**
     * The true ratio of a point: the candidate sleeps 1 ms longer per wave of tasks ({@code tasks} waves for
     * {@code sequential}, {@code ceil(tasks / parallelism)} for a pool), on top of the base's own batch time, which
     * includes each sleep's overshoot and the model's overhead. So it is a little below 1.10 (1.097 for a 103 ms
     * sequential batch), never above.
     */
    private static double trueRatio(AbRecord session, ComparisonKey key) {
        Map<String, String> params = key.params();
        int tasks = Integer.parseInt(params.get("tasks"));
        int waves = params.get("model").equals("sequential") ? tasks
                : (int) Math.ceil(tasks / Double.parseDouble(params.get("parallelism")));
        double[] batches = session.forks(key, Side.BASE).stream().flatMapToDouble(java.util.Arrays::stream).sorted()
                .toArray();
        double median = batches[batches.length / 2];
        return 1 + waves * 1.0 / median;
    }

    /**
     * Quiet machine (load average below 2): a true change of about +10 % on every point is flagged as a regression
     * in at least 95 % of trials of 10 pairs, as the issue asks, with the interval covering the true ratio and
     * never calling it an improvement.
     */
    @Test
    void aTenPercentLongerSleepIsFlaggedInAtLeast95PercentOfTrialsOnAQuietMachine() throws Exception {
        AbRecord session = AbRecord.read(AB.resolve("sleep-10-vs-11/ab-forks.json"));
        assertThat(session.pairs()).isGreaterThanOrEqualTo(2 * PAIRS_PER_TRIAL);

        List<ComparisonRow> rows = trials(session, 1);

        long flagged = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSED).count();
        long covered = rows.stream().filter(r -> {
            double truth = trueRatio(session, r.key());
            return r.change().orElseThrow().low() <= truth && truth <= r.change().orElseThrow().high();
        }).count();
        System.out.printf("quiet 10 vs 11: %d of %d point-trials flagged as a regression, %d cover the true ratio%n",
                flagged, rows.size(), covered);
        assertThat(flagged).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * rows.size()));
        assertThat(covered).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * rows.size()));
        assertThat(rows.stream().filter(r -> r.verdict() == Verdict.IMPROVED)).isEmpty();
        assertThat(session.keys()).allSatisfy(key -> assertThat(trueRatio(session, key)).isBetween(1.05, 1.10));
    }

    /**
     * Loaded machine (load average 13 to 25 on 2 cores): the paired fork ratios of a 10 ms sleep spread from 0.4
     * to 3.4, so 10 pairs cannot tell 10 % apart from 1 (3 % of trials flag it at 10 pairs, 11 % at 20: see
     * src/test/resources/ab/README.md). What must hold on any machine does: the intervals cover the true ratio,
     * nothing calls a slowdown an improvement, and every point of the whole session is measured slower.
     */
    @Test
    void onALoadedMachineTheTenPercentIsCoveredByTheIntervalAndNeverCalledAnImprovement() throws Exception {
        AbRecord session = AbRecord.read(AB.resolve("sleep-10-vs-11-loaded/ab-forks.json"));
        assertThat(session.pairs()).isGreaterThanOrEqualTo(2 * PAIRS_PER_TRIAL);

        List<ComparisonRow> rows = trials(session, 1);

        long covered = rows.stream().filter(r -> r.change().orElseThrow().low() <= 1.10
                && 1.10 <= r.change().orElseThrow().high()).count();
        assertThat(rows.stream().filter(r -> r.verdict() == Verdict.IMPROVED)).isEmpty();
        assertThat(covered).isGreaterThanOrEqualTo((long) Math.ceil(0.95 * rows.size()));
        assertThat(ANALYSIS.analyse(session, "base", "candidate").rows())
                .allSatisfy(r -> assertThat(r.change().orElseThrow().ratio()).isGreaterThan(1.0));
    }

    @Test
    void theSameBuildAgainstItselfFlagsAtMostOnePercentOfPointsOverRepeats() throws Exception {
        AbRecord session = AbRecord.read(AB.resolve("a-a/ab-forks.json"));
        assertThat(session.pairs()).isGreaterThanOrEqualTo(2 * PAIRS_PER_TRIAL);

        List<ComparisonRow> rows = trials(session, 2);

        long flagged = rows.stream().filter(r -> r.verdict() == Verdict.REGRESSED || r.verdict() == Verdict.IMPROVED)
                .count();
        assertThat(flagged).isLessThanOrEqualTo(rows.size() / 100);
    }
}
