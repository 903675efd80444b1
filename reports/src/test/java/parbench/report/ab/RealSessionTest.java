package parbench.report.ab;

import org.junit.jupiter.api.Test;
import parbench.report.compare.ComparisonRow;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.compare.Verdict;
import parbench.report.stats.Bootstrap;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REAL data: two long {@code parbench ab} sessions recorded on the loaded development machine
 * ({@code src/test/resources/ab/README.md}): SleepBenchmark at {@code taskMillis} 10 against 11 (a true +10 % for
 * sequential and the pools at p ≤ tasks, every point here is one of those), and the same build against itself
 * (A/A). A "repeat" is a trial of
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
     * On this machine the paired fork ratios of a 10 ms sleep spread from 0.4 to 3.4 (load average above 20 on 2
     * cores), so 10 pairs cannot tell 10 % apart from 1 and the 95 % detection rate the issue asks for is not reached
     * here (3 % of trials flag it at 10 pairs, 11 % at 20: see src/test/resources/ab/README.md). What must hold on
     * any machine does: the intervals cover the true ratio, nothing calls a slowdown an improvement, and every point
     * of the whole session is measured slower.
     */
    @Test
    void aTenPercentLongerSleepIsCoveredByTheIntervalAndNeverCalledAnImprovement() throws Exception {
        AbRecord session = AbRecord.read(AB.resolve("sleep-10-vs-11/ab-forks.json"));
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
