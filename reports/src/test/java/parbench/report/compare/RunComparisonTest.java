package parbench.report.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.fixture.SyntheticComparison;
import parbench.report.fixture.SyntheticComparison.Spec;
import parbench.report.jmh.BadInputException;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;
import parbench.report.stats.BootstrapPretest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunComparisonTest {

    @TempDir
    Path dir;

    /**
     * Compares two synthetic files with the run-to-run allowance off: the two files are draws from one distribution
     * (no drift between them), so these tests check the statistics inside a run.
     */
    private RunComparison compare(Spec baseline, Spec candidate) throws IOException, BadInputException {
        Path b = dir.resolve("baseline.json");
        Path c = dir.resolve("candidate.json");
        SyntheticComparison.write(b, baseline);
        SyntheticComparison.write(c, candidate);
        return RunComparison.of(List.of(RunInput.load(b)), List.of(RunInput.load(c)), HardwareMode.AUTO, 0.01,
                Thresholds.uniform(0.05), 0, Bootstrap.standard());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"avgt, ms/op", "thrpt, ops/s"})
    void twoDrawsFromTheSameDistributionFlagAtMostOnePercent(String mode, String unit) throws Exception {
        Spec spec = new Spec(1000, mode, unit, 1.0, 0.02, 10, 11);

        RunComparison comparison = compare(spec, spec.withSeed(12));

        Map<Verdict, Long> counts = comparison.counts();
        assertThat(comparison.rows()).hasSize(1000);
        assertThat(counts.get(Verdict.REGRESSED) + counts.get(Verdict.IMPROVED)).isLessThanOrEqualTo(10);
        assertThat(counts.get(Verdict.UNCHANGED)).isGreaterThanOrEqualTo(990);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // a 10 % slowdown: times grow by 10 %, throughputs shrink to 1/1.1
            "avgt,  ms/op, 1.10",
            "thrpt, ops/s, 0.9090909090909091"})
    void aTenPercentSlowdownAtTwoPercentNoiseIsFlaggedAsARegression(String mode, String unit, double factor)
            throws Exception {
        Spec spec = new Spec(1000, mode, unit, 1.0, 0.02, 10, 21);

        RunComparison comparison = compare(spec, spec.withSeed(22).withFactor(factor));

        assertThat(comparison.counts().get(Verdict.REGRESSED)).isGreaterThanOrEqualTo(950);
        assertThat(comparison.counts().get(Verdict.IMPROVED)).isZero();
        assertThat(comparison.hasRegression()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"avgt, ms/op, 0.9090909090909091", "thrpt, ops/s, 1.10"})
    void aTenPercentSpeedUpIsAnImprovementNotARegression(String mode, String unit, double factor) throws Exception {
        Spec spec = new Spec(200, mode, unit, 1.0, 0.02, 10, 31);

        RunComparison comparison = compare(spec, spec.withSeed(32).withFactor(factor));

        assertThat(comparison.counts().get(Verdict.IMPROVED)).isGreaterThanOrEqualTo(190);
        assertThat(comparison.counts().get(Verdict.REGRESSED)).isZero();
    }

    @Test
    void thePilotGivesTheVerdictsOfTheFullBootstrapAndFullIntervalsWhereItMatters() throws Exception {
        // GIVEN results near the allowance: 8 % slower at 2 % noise with a 5 % allowance (some intervals straddle it)
        Spec spec = new Spec(300, "avgt", "ms/op", 1.0, 0.02, 10, 41);
        Path b = dir.resolve("baseline.json");
        Path c = dir.resolve("candidate.json");
        SyntheticComparison.write(b, spec);
        SyntheticComparison.write(c, spec.withSeed(42).withFactor(1.08));
        var before = List.of(RunInput.load(b));
        var after = List.of(RunInput.load(c));

        // WHEN compared with the pilot and with every row resampled 2000 times
        RunComparison adaptive = RunComparison.of(before, after, HardwareMode.AUTO, 0.01, Thresholds.uniform(0.05),
                0.05, Bootstrap.standard());
        RunComparison full = RunComparison.of(before, after, HardwareMode.AUTO, 0.01, Thresholds.uniform(0.05),
                0.05, Bootstrap.standard().withoutPilot());

        // THEN the verdicts agree row by row, and a row the pilot left open has exactly the full row's change
        assertThat(adaptive.resampling().pilot()).isEqualTo(199);
        assertThat(adaptive.resampling().fullRows()).isBetween(1, 299);
        assertThat(full.resampling().adaptive()).isFalse();
        assertThat(adaptive.rows()).extracting(ComparisonRow::verdict)
                .containsExactlyElementsOf(full.rows().stream().map(ComparisonRow::verdict).toList());
        assertThat(adaptive.counts().get(Verdict.REGRESSED)).isPositive();
        assertThat(adaptive.counts().get(Verdict.UNCHANGED)).isPositive();
        long sameChange = java.util.stream.IntStream.range(0, 300)
                .filter(i -> adaptive.rows().get(i).change().equals(full.rows().get(i).change())).count();
        assertThat(sameChange).isEqualTo(adaptive.resampling().fullRows());
    }

    @Test
    void aSignificantChangeSmallerThanTheThresholdIsUnchanged() throws Exception {
        // 3 % slower at 0.2 % noise: every p is tiny, but 3 % < 5 %
        Spec spec = new Spec(100, "avgt", "ms/op", 1.0, 0.002, 10, 41);

        RunComparison comparison = compare(spec, spec.withSeed(42).withFactor(1.03));

        // a change inside its threshold keeps the pilot's 199 resamples, whose smallest p is 2 / (199 + 1): every
        // replicate on one side of 1
        assertThat(comparison.rows()).allSatisfy(r -> {
            assertThat(r.change().orElseThrow().p()).isLessThanOrEqualTo(2.0 / (BootstrapPretest.PILOT_RESAMPLES + 1));
            assertThat(r.verdict()).isEqualTo(Verdict.UNCHANGED);
        });
    }

    @Test
    void twoSamplesASideAreInsufficientDataEvenForADoubling() throws Exception {
        Spec spec = new Spec(20, "avgt", "ms/op", 1.0, 0.02, 2, 51);

        RunComparison comparison = compare(spec, spec.withSeed(52).withFactor(2.0));

        assertThat(comparison.rows()).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(r.note()).hasValue("2 vs 2 iterations; at least 3 a side needed");
        });
        assertThat(comparison.hasRegression()).isFalse();
    }

    @Test
    void theIntervalOfTheChangeCoversTheInjectedRatio() throws Exception {
        Spec spec = new Spec(200, "avgt", "ms/op", 1.0, 0.02, 10, 61);

        RunComparison comparison = compare(spec, spec.withSeed(62).withFactor(1.10));

        long covered = comparison.rows().stream().map(r -> r.change().orElseThrow())
                .filter(c -> c.low() <= 1.10 && 1.10 <= c.high()).count();
        // 99 % intervals: expect about 198 of 200; allow sampling slack
        assertThat(covered).isGreaterThanOrEqualTo(190);
        assertThat(comparison.rows()).allSatisfy(r ->
                assertThat(r.change().orElseThrow().ratio()).isBetween(1.05, 1.15));
    }

    /**
     * SYNTHETIC, with a between-fork variance component: 5 forks × 10 iterations a side, 5 % between forks, 0.5 %
     * within, no real change, threshold 2 %. The hierarchical statistics see that 5 forks pin the mean down to about
     * ±3 %: their 99 % intervals flag about 1 % of 500 points (binomial sd 0.45 %: at most 2 % allowed); the very same
     * numbers with every result's iterations pooled into one fork (50 "independent" samples) look ten times as
     * precise and flag a large share.
     */
    @ParameterizedTest(name = "pooled={0}")
    @CsvSource({"false", "true"})
    void betweenForkVarianceFailsPooledIterationsAndPassesHierarchicalStatistics(boolean pooled) throws Exception {
        Path b = dir.resolve("forked-baseline.json");
        Path c = dir.resolve("forked-candidate.json");
        SyntheticComparison.write(b, SyntheticComparison.forkedResults(500, 5, 10, 1.0, 0.05, 0.005, 71, pooled));
        SyntheticComparison.write(c, SyntheticComparison.forkedResults(500, 5, 10, 1.0, 0.05, 0.005, 72, pooled));

        RunComparison comparison = RunComparison.of(List.of(RunInput.load(b)), List.of(RunInput.load(c)),
                HardwareMode.AUTO, 0.01, Thresholds.uniform(0.02), 0, Bootstrap.standard());

        long flagged = comparison.counts().get(Verdict.REGRESSED) + comparison.counts().get(Verdict.IMPROVED);
        if (pooled) {
            assertThat(flagged).isGreaterThan(100);
        } else {
            assertThat(flagged).isLessThanOrEqualTo(10);
        }
    }

    private List<RunInput> runs(String name, Spec spec, double... drifts) throws IOException, BadInputException {
        List<RunInput> runs = new java.util.ArrayList<>();
        for (int r = 0; r < drifts.length; r++) {
            Path file = dir.resolve(name + "-" + r + ".json");
            SyntheticComparison.write(file, spec.withSeed(spec.seed() + 100L * r).withFactor(spec.factor() * drifts[r]));
            runs.add(RunInput.load(file));
        }
        return runs;
    }

    /**
     * SYNTHETIC replicated runs: every run of a side drifts as a whole (±8 %, as separate runs do), the iterations
     * inside a run are tight (1 %). The spread of the runs is the noise: three runs a side that drift but do not
     * change are unchanged, where any single pair of runs would look significantly different inside the runs.
     */
    @Test
    void withThreeRunsASideTheRunsSpreadIsTheNoiseSoDriftIsNotAChange() throws Exception {
        Spec spec = new Spec(50, "avgt", "ms/op", 1.0, 0.01, 10, 81);
        List<RunInput> baseline = runs("b", spec, 1.00, 1.08, 0.93);
        List<RunInput> candidate = runs("c", spec.withSeed(91), 1.07, 0.94, 1.01);

        RunComparison replicated = RunComparison.of(baseline, candidate, HardwareMode.AUTO, 0.01,
                Thresholds.uniform(0.05), 0, Bootstrap.standard());
        RunComparison onePair = RunComparison.of(baseline.subList(1, 2), candidate.subList(1, 2), HardwareMode.AUTO,
                0.01, Thresholds.uniform(0.05), 0, Bootstrap.standard());

        assertThat(replicated.rows()).allSatisfy(r -> {
            assertThat(r.change().orElseThrow().evidence()).isEqualTo(Evidence.REPLICATED);
            assertThat(r.verdict()).isEqualTo(Verdict.UNCHANGED);
        });
        assertThat(replicated.evidenceLines().get(0)).startsWith("evidence: 50 rows replicated (at least 2 runs a side)");
        assertThat(onePair.counts().get(Verdict.IMPROVED)).isEqualTo(50);
    }

    @Test
    void withThreeRunsASideAChangeBeyondTheRunsSpreadIsARegression() throws Exception {
        Spec spec = new Spec(50, "avgt", "ms/op", 1.0, 0.01, 10, 83);
        List<RunInput> baseline = runs("b", spec, 1.00, 1.02, 0.99);
        List<RunInput> candidate = runs("c", spec.withSeed(93).withFactor(1.5), 1.01, 0.98, 1.02);

        RunComparison comparison = RunComparison.of(baseline, candidate, HardwareMode.AUTO, 0.01,
                Thresholds.uniform(0.05));

        assertThat(comparison.counts().get(Verdict.REGRESSED)).isEqualTo(50);
        assertThat(comparison.rows()).allSatisfy(r -> assertThat(r.change().orElseThrow().covers(1.5)).isTrue());
    }
}
