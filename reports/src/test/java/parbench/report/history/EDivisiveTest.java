package parbench.report.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EDivisiveTest {

    /** Matteson &amp; James (2014), eq. (3)–(4), α = 1, computed directly in O(L²) per split. */
    private static double directQ(double[] x, int t) {
        int m = t;
        int n = x.length - t;
        double between = 0;
        double left = 0;
        double right = 0;
        for (int i = 0; i < t; i++) {
            for (int j = t; j < x.length; j++) {
                between += Math.abs(x[i] - x[j]);
            }
            for (int k = i + 1; k < t; k++) {
                left += Math.abs(x[i] - x[k]);
            }
        }
        for (int j = t; j < x.length; j++) {
            for (int k = j + 1; k < x.length; k++) {
                right += Math.abs(x[j] - x[k]);
            }
        }
        double e = 2.0 / (m * n) * between - left / (m * (m - 1) / 2.0) - right / (n * (n - 1) / 2.0);
        return (double) m * n / (m + n) * e;
    }

    @Test
    void aCleanStepHasTheHandComputedStatistic() {
        // GIVEN 0 0 0 1 1 1: between-sum 9, within-sums 0 -> E = 2/9 * 9 = 2, Q = 9/6 * 2 = 3
        double[] x = {0, 0, 0, 1, 1, 1};
        double[] q = EDivisive.statistics(x, EDivisive.ranks(x), 2);
        assertThat(q[3]).isCloseTo(3.0, within(1e-12));
        assertThat(q[2]).isLessThan(q[3]);
        assertThat(q[4]).isLessThan(q[3]);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 31, 200})
    void theFenwickScanEqualsTheDirectFormulaForEverySplit(int length) {
        Random random = new Random(length);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = random.nextGaussian() + (i > length / 3 ? 0.7 : 0) + (random.nextInt(5) == 0 ? 1.0 : 0);
        }
        x[3] = x[1]; // ties
        double[] q = EDivisive.statistics(x, EDivisive.ranks(x), 2);
        for (int t = 2; t <= length - 2; t++) {
            assertThat(q[t]).as("split %d", t).isCloseTo(directQ(x, t), within(1e-9 * Math.max(1, Math.abs(q[t]))));
        }
    }

    @Test
    void aTenPercentStepInOnePercentNoiseIsFoundAtItsIndex() {
        double[] x = noisy(60, 0.01, 1);
        for (int i = 37; i < x.length; i++) {
            x[i] *= 1.10;
        }
        assertThat(EDivisive.DEFAULT.changePoints(x, 7)).singleElement()
                .satisfies(split -> {
                    assertThat(split.index()).isEqualTo(37);
                    assertThat(split.p()).isLessThan(0.01);
                });
    }

    @Test
    void twoStepsAreBothFound() {
        double[] x = noisy(90, 0.01, 2);
        for (int i = 30; i < 60; i++) {
            x[i] *= 1.2;
        }
        assertThat(EDivisive.DEFAULT.changePoints(x, 11)).extracting(EDivisive.Split::index).containsExactly(30, 60);
    }

    @Test
    void aFlatNoisySeriesHasNoChange() {
        assertThat(EDivisive.DEFAULT.changePoints(noisy(100, 0.02, 3), 5)).isEmpty();
    }

    @Test
    void oneSpikeIsNotAChange() {
        double[] x = noisy(50, 0.01, 4);
        x[25] *= 1.5;
        assertThat(EDivisive.DEFAULT.changePoints(x, 5)).isEmpty();
    }

    @Test
    void aSeriesShorterThanTwoSegmentsHasNoChange() {
        assertThat(EDivisive.DEFAULT.changePoints(new double[]{1, 1, 1, 2, 2}, 1)).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameAnswer() {
        double[] x = noisy(40, 0.01, 5);
        for (int i = 20; i < 40; i++) {
            x[i] *= 1.05;
        }
        assertThat(EDivisive.DEFAULT.changePoints(x, 99)).isEqualTo(EDivisive.DEFAULT.changePoints(x, 99));
    }

    @Test
    void nonFiniteValuesAreRefusedNamingTheIndex() {
        assertThatThrownBy(() -> EDivisive.DEFAULT.changePoints(new double[]{1, Double.NaN}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("series[1] is NaN");
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new EDivisive(1, 0.01, 10)).hasMessage("minSegment must be at least 2, got 1");
        assertThatThrownBy(() -> new EDivisive(3, 1.0, 10)).hasMessage("alpha must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> new EDivisive(3, 0.01, 0)).hasMessage("permutations must be at least 1, got 0");
    }

    static double[] noisy(int length, double cv, long seed) {
        Random random = new Random(seed);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = 100 * (1 + cv * random.nextGaussian());
        }
        return x;
    }
}
