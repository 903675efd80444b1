package parbench.report.history;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The detection quality docs/history.md promises, on seeded synthetic series (see {@link ChangePointAccuracy}). */
class ChangePointAccuracyTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.10, 0.20})
    void stepsOfTenPercentOrMoreInTwoPercentNoiseAreFoundAndPlaced(double step) {
        var score = ChangePointAccuracy.score(EDivisive.DEFAULT, step, 0.02, 42);
        assertThat(score.recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(score.precision()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void flatSeriesRarelyRaiseAFalseAlarm() {
        var score = ChangePointAccuracy.score(EDivisive.DEFAULT, 0, 0.02, 43);
        assertThat(score.falseAlarmRate()).isLessThanOrEqualTo(0.05);
    }
}
