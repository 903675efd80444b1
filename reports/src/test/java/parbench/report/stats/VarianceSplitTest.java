package parbench.report.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VarianceSplitTest {

    @Test
    void forksFarApartPutTheVarianceBetweenForksAndAskForMoreForks() {
        // S1² = mean(var{1,3}, var{11,13}) = 2; S2² = var{2, 12} = 50; T2² = 50 − 2/2 = 49
        VarianceSplit split = VarianceSplit.of(SampleTree.ofForks(new double[]{1, 3}, new double[]{11, 13}), 1);

        assertThat(split.withinFork()).isEqualTo(2.0);
        assertThat(split.betweenFork()).isEqualTo(49.0);
        assertThat(split.betweenForkShare()).isCloseTo(49.0 / 51, within(1e-12));
        assertThat(split.optimalIterationsPerFork()).hasValue(1);
        assertThat(split.advice()).isEqualTo(SamplingAdvice.MORE_FORKS);
        assertThat(split.summary()).startsWith("between forks 96 %, within forks 4 %: for a tighter interval in the"
                + " same time, use more forks");
    }

    @Test
    void forksThatAgreePutTheVarianceWithinForksAndAskForMoreIterations() {
        // S1² = 50; S2² = var{5, 6} = 0.5; T2² = 0.5 − 50/2 < 0, clamped to 0
        VarianceSplit split = VarianceSplit.of(SampleTree.ofForks(new double[]{0, 10}, new double[]{1, 11}), 1);

        assertThat(split.betweenFork()).isZero();
        assertThat(split.withinForkShare()).isEqualTo(1.0);
        assertThat(split.optimalIterationsPerFork()).isEmpty();
        assertThat(split.advice()).isEqualTo(SamplingAdvice.MORE_ITERATIONS);
    }

    @Test
    void theOptimumFollowsKaliberaAndJonesWithTheForkCost() {
        // S1² = 2, S2² = var{1, 5} = 8, T2² = 8 − 2/2 = 7; r* = √(14 × 2 / 7) = 2 = r: balanced
        SampleTree tree = SampleTree.ofForks(new double[]{0, 2}, new double[]{4, 6});

        VarianceSplit split = VarianceSplit.of(tree, 14);

        assertThat(split.optimalIterationsPerFork()).hasValue(2);
        assertThat(split.advice()).isEqualTo(SamplingAdvice.BALANCED);
        assertThat(VarianceSplit.of(tree, 14 * 9).advice()).isEqualTo(SamplingAdvice.MORE_ITERATIONS);
    }

    @Test
    void oneForkCannotBeSplit() {
        VarianceSplit split = VarianceSplit.of(SampleTree.ofForks(new double[]{1, 2, 3}), 5);

        assertThat(split.advice()).isEqualTo(SamplingAdvice.NEEDS_FORKS);
        assertThat(split.betweenForkShare()).isNaN();
        assertThat(split.summary()).isEqualTo("run at least 2 forks of at least 2 iterations to see JVM-to-JVM variation");
    }

    @Test
    void runToRunDriftIsNotCountedAsForkToForkVariation() {
        // each run's forks agree; the runs differ by 100
        SampleTree tree = SampleTree.ofRuns(java.util.List.of(
                new double[][]{{1, 3}, {1, 3}}, new double[][]{{101, 103}, {101, 103}}));

        assertThat(VarianceSplit.of(tree, 1).betweenFork()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"10 s, 10", "500 ms, 0.5", "1 min, 60", "200 us, 0.0002", "bogus, NaN"})
    void jmhTimeStringsAreReadInSeconds(String text, double seconds) {
        if (Double.isNaN(seconds)) {
            assertThat(VarianceSplit.seconds(text)).isNaN();
        } else {
            assertThat(VarianceSplit.seconds(text)).isCloseTo(seconds, within(1e-12));
        }
    }
}
