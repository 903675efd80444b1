package parbench.report.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ChangeTest {

    @Test
    void identicalSamplesHaveRatioOneAndPOne() {
        Samples s = Samples.of(10, 11, 12, 13, 14, 15);

        Change change = Change.between(s, s, 0.01);

        assertThat(change.ratio()).isEqualTo(1.0);
        assertThat(change.p()).isCloseTo(1.0, within(1e-9));
        assertThat(change.low()).isLessThanOrEqualTo(1.0);
        assertThat(change.high()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void ratioIsCandidateMedianOverBaselineMedian() {
        Change change = Change.between(Samples.of(9, 10, 11, 10, 10), Samples.of(22, 20, 18, 20, 21), 0.05);

        assertThat(change.ratio()).isEqualTo(2.0);
        assertThat(change.percent()).isCloseTo(100.0, within(1e-9));
        assertThat(change.low()).isGreaterThan(1.0);
    }

    @ParameterizedTest(name = "n={0}, m={1}")
    @CsvSource({"3, 3, 0.0495", "5, 5, 0.0090", "10, 10, 0.000157"})
    void smallestPossiblePFollowsTheNormalApproximation(int n, int m, double expected) {
        assertThat(Change.smallestPossibleP(n, m)).isCloseTo(expected, within(expected * 0.02));
    }

    @Test
    void completeSeparationReachesTheSmallestPossibleP() {
        Change change = Change.between(Samples.of(1, 2, 3, 4, 5), Samples.of(6, 7, 8, 9, 10), 0.01);

        assertThat(change.p()).isCloseTo(Change.smallestPossibleP(5, 5), within(1e-12));
    }
}
