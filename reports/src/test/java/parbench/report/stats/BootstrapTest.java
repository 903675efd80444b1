package parbench.report.stats;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BootstrapTest {

    private static final Bootstrap BOOTSTRAP = Bootstrap.standard();

    @Test
    void theInnerLoopDrawsWhatOneIndexAtATimeDraws() {
        double[] values = IntStream.range(0, 13).mapToDouble(i -> 1.0 / (i + 1)).toArray();
        Bootstrap.SplitMix fast = new Bootstrap.SplitMix(42);
        Bootstrap.SplitMix slow = new Bootstrap.SplitMix(42);
        // odd and even lengths, so that the spare half of a 64-bit draw carries over between calls
        for (int n : new int[]{2, 3, 7, 10, 13, 5, 4}) {
            int start = 13 - n;
            double expected = 0;
            for (int i = 0; i < n; i++) {
                expected += values[start + slow.index(n)];
            }
            assertThat(fast.resampledSum(values, start, n)).isEqualTo(expected);
        }
        assertThat(fast.index(1000)).isEqualTo(slow.index(1000));
    }

    @Test
    void aTreeOfOneValuePerRunDrawsOneIndexPerRunAsTheGeneralLoopDoes() {
        // GIVEN a history segment: 11 runs of one fork of one iteration each
        double[] values = IntStream.range(0, 11).mapToDouble(i -> 10 + Math.sin(i)).toArray();
        SampleTree tree = SampleTree.ofRuns(IntStream.range(0, 11).mapToObj(i -> new double[][]{{values[i]}}).toList());
        Bootstrap bootstrap = new Bootstrap(101, 7);

        // WHEN it is resampled
        double[] replicates = bootstrap.replicates(tree).values();

        // THEN each replicate is the runs drawn one index at a time (the general loop's draws), summed in draw order
        Bootstrap.SplitMix slow = new Bootstrap.SplitMix(7 ^ Bootstrap.fingerprint(tree));
        for (double replicate : replicates) {
            double sum = 0;
            for (int r = 0; r < values.length; r++) {
                sum += values[slow.index(values.length)];
            }
            assertThat(replicate).isEqualTo(sum / values.length);
        }
    }

    @Test
    void theSameInputGivesTheSameIntervalWhateverTheOrderOrThread() {
        SampleTree a = forks(new Random(1), 5, 10, 100, 0.05, 0.02);
        SampleTree b = forks(new Random(2), 5, 10, 100, 0.05, 0.02);

        Estimate first = new Bootstrap(2000, 42).score(a, 0.99);
        List<Estimate> again = IntStream.range(0, 8).parallel()
                .mapToObj(i -> new Bootstrap(2000, 42).score(i % 2 == 0 ? a : b, 0.99)).toList();

        assertThat(again.get(0)).isEqualTo(first);
        assertThat(again.get(2)).isEqualTo(first);
        assertThat(again.get(1)).isNotEqualTo(first);
    }

    @Test
    void aDifferentSeedGivesADifferentButSimilarInterval() {
        SampleTree tree = forks(new Random(1), 5, 10, 100, 0.05, 0.02);

        Estimate one = new Bootstrap(2000, 1).score(tree, 0.99);
        Estimate other = new Bootstrap(2000, 2).score(tree, 0.99);

        assertThat(other).isNotEqualTo(one);
        assertThat(other.low()).isCloseTo(one.low(), within((one.high() - one.low()) * 0.2));
    }

    @Test
    void constantDataHasAnIntervalOfZeroWidth() {
        Estimate estimate = BOOTSTRAP.score(SampleTree.ofForks(new double[]{7, 7}, new double[]{7, 7, 7}), 0.99);

        assertThat(estimate.point()).isEqualTo(7.0);
        assertThat(estimate.low()).isEqualTo(7.0);
        assertThat(estimate.high()).isEqualTo(7.0);
    }

    @Test
    void theResampledMeanOfTwoValuesFollowsTheBinomialLaw() {
        // one fork {1, 3}: the mean of two draws is 1, 2 or 3 with probabilities 1/4, 1/2, 1/4
        Replicates replicates = BOOTSTRAP.replicates(SampleTree.ofForks(new double[]{1, 3}));

        double sigma = Math.sqrt(0.25 * 0.75 / BOOTSTRAP.resamples());
        assertThat(replicates.fractionAtMost(1)).isCloseTo(0.25, within(4 * sigma));
        assertThat(replicates.fractionAtMost(2)).isCloseTo(0.75, within(4 * sigma));
    }

    @Test
    void forksAreDrawnBeforeIterations() {
        // two forks of constant values: every resample's mean is 1, 1.5 or 2 (forks drawn), never anything else
        Replicates replicates = BOOTSTRAP.replicates(SampleTree.ofForks(new double[]{1, 1, 1}, new double[]{2, 2, 2}));

        assertThat(replicates.values()).containsOnly(1.0, 1.5, 2.0);
        assertThat(replicates.fractionAtMost(1)).isCloseTo(0.25, within(0.04));
    }

    @Test
    void oneForkSaysItsIntervalIgnoresJvmToJvmVariation() {
        Estimate one = BOOTSTRAP.score(SampleTree.ofForks(new double[]{1, 2, 3}), 0.99);
        Estimate two = BOOTSTRAP.score(SampleTree.ofForks(new double[]{1, 2}, new double[]{3, 4}), 0.99);

        assertThat(one.oneFork()).isTrue();
        assertThat(one.caveat()).hasValue("one fork: the interval ignores JVM-to-JVM variation");
        assertThat(two.caveat()).isEmpty();
    }

    /**
     * The case pooled iterations get wrong: every fork has its own offset (JIT decisions, heap layout), 5 % between
     * forks, 1 % within. The hierarchical interval for the mean covers the true mean at about its nominal rate (the
     * percentile bootstrap with 8 forks undercovers a little); treating the 80 iterations as independent gives an
     * interval that misses most of the time.
     */
    @Test
    void withBetweenForkNoiseTheHierarchicalIntervalCoversTheTruthAndPooledIterationsDoNot() {
        Random random = new Random(11);
        int trials = 300;
        int hierarchical = 0;
        int pooled = 0;
        for (int t = 0; t < trials; t++) {
            SampleTree tree = forks(random, 8, 10, 100, 0.05, 0.01);
            Bootstrap bootstrap = new Bootstrap(1000, t);
            if (bootstrap.score(tree, 0.95).covers(100)) {
                hierarchical++;
            }
            if (bootstrap.score(SampleTree.ofForks(tree.pooled()), 0.95).covers(100)) {
                pooled++;
            }
        }

        assertThat(hierarchical / (double) trials).isGreaterThan(0.85);
        assertThat(pooled / (double) trials).isLessThan(0.5);
    }

    @Test
    void aRatioCarriesBothSidesUncertainty() {
        SampleTree baseline = forks(new Random(3), 20, 10, 100, 0.03, 0.01);
        SampleTree candidate = forks(new Random(4), 20, 10, 110, 0.03, 0.01);

        Estimate ratio = BOOTSTRAP.ratio(candidate, baseline, 0.99, false);
        Estimate exactBaseline = BOOTSTRAP.ratio(candidate, SampleTree.ofForks(new double[]{baseline.mean()}), 0.99,
                false);

        assertThat(ratio.point()).isCloseTo(candidate.mean() / baseline.mean(), within(1e-12));
        assertThat(ratio.covers(1.10)).isTrue();
        assertThat(ratio.high() - ratio.low()).isGreaterThan((exactBaseline.high() - exactBaseline.low()) * 1.2);
    }

    @Test
    void pairedRunsCancelWhatARunSharesInARatio() {
        // three runs; each run's day moves both the model and its baseline by up to ±20 %
        Random random = new Random(5);
        double[][][] model = new double[3][][];
        double[][][] sequential = new double[3][][];
        for (int r = 0; r < 3; r++) {
            double day = 1 + 0.2 * (r - 1);
            model[r] = arrays(forks(random, 3, 5, 50 * day, 0.01, 0.01));
            sequential[r] = arrays(forks(random, 3, 5, 100 * day, 0.01, 0.01));
        }
        SampleTree m = SampleTree.ofRuns(List.of(model));
        SampleTree s = SampleTree.ofRuns(List.of(sequential));

        Estimate paired = BOOTSTRAP.ratio(s, m, 0.99, true);
        Estimate unpaired = BOOTSTRAP.ratio(s, m, 0.99, false);

        assertThat(paired.covers(2.0)).isTrue();
        assertThat(paired.relativeWidth()).isLessThan(unpaired.relativeWidth() / 3);
    }

    @Test
    void anEmptyTreeCannotBeBootstrapped() {
        assertThatThrownBy(() -> BOOTSTRAP.replicates(SampleTree.ofForks()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot bootstrap an empty sample tree");
        assertThatThrownBy(() -> new Bootstrap(10, 1)).hasMessageContaining("at least 100 resamples");
    }

    /** {@code forks} forks of {@code iterations}: {@code mean × (1 + between·N) × (1 + within·N)}. */
    static SampleTree forks(Random random, int forks, int iterations, double mean, double between, double within) {
        double[][] data = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double offset = 1 + between * random.nextGaussian();
            for (int i = 0; i < iterations; i++) {
                data[f][i] = mean * offset * (1 + within * random.nextGaussian());
            }
        }
        return SampleTree.ofForks(data);
    }

    private static double[][] arrays(SampleTree oneRun) {
        double[][] out = new double[oneRun.forks()][];
        for (int f = 0; f < out.length; f++) {
            out[f] = oneRun.fork(f);
        }
        return out;
    }
}
