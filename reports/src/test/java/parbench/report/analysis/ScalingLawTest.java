package parbench.report.analysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Fits on synthetic curves with known coefficients: exact curves, then curves with seeded 1 % noise. */
class ScalingLawTest {

    private static final double[] CORES = {1, 2, 4, 8, 16, 32, 64};

    private static double[] usl(double sigma, double kappa, double[] n, double noise, long seed) {
        Random random = new Random(seed);
        double[] s = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            s[i] = n[i] / (1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1)) * (1 + noise * random.nextGaussian());
        }
        return s;
    }

    @Test
    void uslRecoversContentionAndCoherencyOfAnExactCurve() {
        ScalingLaw fit = ScalingLaw.usl(CORES, usl(0.05, 0.001, CORES, 0, 1)).orElseThrow();

        assertThat(fit.sigma()).isCloseTo(0.05, within(1e-6));
        assertThat(fit.kappa()).isCloseTo(0.001, within(1e-8));
        // N* = sqrt((1 - 0.05) / 0.001) = 30.82
        assertThat(fit.peak().getAsDouble()).isCloseTo(Math.sqrt(0.95 / 0.001), within(1e-3));
    }

    @Test
    void uslIntervalsCoverTheTrueCoefficientsOfANoisyCurve() {
        ScalingLaw fit = ScalingLaw.usl(CORES, usl(0.08, 0.0005, CORES, 0.01, 42)).orElseThrow();

        assertThat(fit.sigmaInterval().contains(0.08)).isTrue();
        assertThat(fit.kappaInterval().contains(0.0005)).isTrue();
        assertThat(fit.sigmaInterval().high() - fit.sigmaInterval().low()).isLessThan(0.05);
    }

    @Test
    void amdahlRecoversTheSerialFractionAndHasNoPeak() {
        ScalingLaw fit = ScalingLaw.amdahl(CORES, usl(0.1, 0, CORES, 0, 1)).orElseThrow();

        assertThat(fit.sigma()).isCloseTo(0.1, within(1e-6));
        assertThat(fit.kappa()).isZero();
        assertThat(fit.peak()).isEmpty();
        assertThat(fit.text("cores")).isEqualTo("σ = 0.100 [0.100, 0.100]; ceiling 1/σ = 10.0×");
    }

    @Test
    void linearScalingFitsZeroContention() {
        ScalingLaw fit = ScalingLaw.usl(CORES, CORES.clone()).orElseThrow();

        assertThat(fit.sigma()).isCloseTo(0, within(1e-9));
        assertThat(fit.kappa()).isCloseTo(0, within(1e-9));
    }

    @Test
    void fewerThanThreePointsAreNoFit() {
        assertThat(ScalingLaw.usl(new double[]{1, 2}, new double[]{1, 1.9})).isEmpty();
        assertThat(ScalingLaw.amdahl(new double[]{1, 2}, new double[]{1, 1.9})).isEmpty();
    }

    @Test
    void threePointsLeaveTheUslOneDegreeOfFreedomAndAWideInterval() {
        double[] n = {1, 2, 4};
        ScalingLaw fit = ScalingLaw.usl(n, usl(0.1, 0.01, n, 0.01, 7)).orElseThrow();

        assertThat(fit.points()).isEqualTo(3);
        assertThat(fit.sigmaInterval()).isNotNull();
    }
}
