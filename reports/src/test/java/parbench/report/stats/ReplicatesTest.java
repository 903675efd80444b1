package parbench.report.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicatesTest {

    @Test
    void thePercentileIntervalIsTheOrderStatisticsAtTheTails() {
        double[] values = new double[1001];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        shuffle(values, new Random(1));

        assertThat(Replicates.of(values).interval(0.90)).containsExactly(50.0, 950.0);
        assertThat(Replicates.of(values).interval(0.99)).containsExactly(5.0, 995.0);
    }

    @Test
    void selectionAgreesWithSortingOnTiesAndRandomData() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] values = new double[50 + random.nextInt(500)];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(20);
            }
            double[] sorted = values.clone();
            java.util.Arrays.sort(sorted);
            int n = sorted.length;

            double[] interval = Replicates.of(values).interval(0.95);

            assertThat(interval).containsExactly(sorted[(int) Math.floor(0.025 * (n - 1))],
                    sorted[(int) Math.ceil(0.975 * (n - 1))]);
        }
    }

    @Test
    void ratiosAreFormedResampleByResampleAndNaNIsLeftOut() {
        Replicates ratio = Replicates.of(2, 6, 0).dividedBy(Replicates.of(1, 3, 0));

        assertThat(ratio.values()).containsExactly(2.0, 2.0, Double.NaN);
        assertThat(ratio.interval(0.5)).containsExactly(2.0, 2.0);
    }

    @Test
    void replicatesOfDifferentSizesDoNotCombine() {
        assertThatThrownBy(() -> Replicates.of(1, 2).dividedBy(Replicates.of(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("replicates differ in size: 2 vs 1");
    }

    @Test
    void theExpandedIntervalIsThePercentileIntervalOfEveryReplicateStretched() {
        Random random = new Random(7);
        double[] ratios = new double[2000];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = Math.exp(0.03 * random.nextGaussian());
        }
        double point = 1.004;
        double k = Math.sqrt(5 / 4.0) * new org.apache.commons.math3.distribution.TDistribution(null, 8)
                .inverseCumulativeProbability(0.995) / 2.5758293035489004;
        double[] logStretched = new double[ratios.length];
        double[] linearStretched = new double[ratios.length];
        for (int i = 0; i < ratios.length; i++) {
            logStretched[i] = Math.exp(Math.log(point) + k * (Math.log(ratios[i]) - Math.log(point)));
            linearStretched[i] = point + k * (ratios[i] - point);
        }
        Replicates replicates = Replicates.of(ratios);
        double[] log = replicates.expandedInterval(0.99, point, 5, 8);
        double[] expectedLog = Replicates.of(logStretched).interval(0.99);
        assertThat(log[0]).isCloseTo(expectedLog[0], org.assertj.core.api.Assertions.within(1e-12));
        assertThat(log[1]).isCloseTo(expectedLog[1], org.assertj.core.api.Assertions.within(1e-12));
        assertThat(log[1] - log[0]).isGreaterThan(replicates.interval(0.99)[1] - replicates.interval(0.99)[0]);
        double k4 = Math.sqrt(5 / 4.0) * new org.apache.commons.math3.distribution.TDistribution(null, 4)
                .inverseCumulativeProbability(0.995) / 2.5758293035489004;
        for (int i = 0; i < ratios.length; i++) {
            linearStretched[i] = point + k4 * (ratios[i] - point);
        }
        double[] linear = replicates.expandedLinearInterval(0.99, point, 5);
        double[] expectedLinear = Replicates.of(linearStretched).interval(0.99);
        assertThat(linear[0]).isCloseTo(expectedLinear[0], org.assertj.core.api.Assertions.within(1e-12));
        assertThat(linear[1]).isCloseTo(expectedLinear[1], org.assertj.core.api.Assertions.within(1e-12));
    }

    private static void shuffle(double[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
