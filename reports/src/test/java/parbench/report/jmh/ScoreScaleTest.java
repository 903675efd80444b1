package parbench.report.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreScaleTest {

    @ParameterizedTest
    @CsvSource({
            "ms/op, 0.0123, us/op, 12.3",
            "ms/op, 1500, s/op, 1.5",
            "ms/op, 15, ms/op, 15",
            "ns/op, 0.5, ns/op, 0.5",
            "s/op, 2e-8, ns/op, 20",
            "ops/s, 5e6, ops/us, 5",
            "ops/s, 0.5, ops/s, 0.5",
            "ops/ms, 3, ops/ms, 3",
            "ops/us, 0.002, ops/ms, 2",
            "B/op, 5, B/op, 5"})
    void theGroupsMedianLandsBetweenOneAndAThousand(String from, double value, String unit, double scaled) {
        ScoreScale scale = ScoreScale.of(from, value);

        assertThat(scale.unit()).isEqualTo(unit);
        assertThat(scale.apply(value)).isCloseTo(scaled, within(scaled * 1e-9));
    }

    @Test
    void oneScaleServesTheWholeGroupChosenByItsMedian() {
        ScoreScale scale = ScoreScale.of("ns/op", 900, 1_200_000, 2_000_000, Double.NaN);

        assertThat(scale.unit()).isEqualTo("ms/op");
        assertThat(scale.format(900)).isEqualTo("0.0009000");
        assertThat(scale.format(1_234_567)).isEqualTo("1.235");
    }

    @Test
    void aGroupWithoutFiniteValuesKeepsItsUnit() {
        assertThat(ScoreScale.of("ms/op", Double.NaN, 0).unit()).isEqualTo("ms/op");
        assertThat(ScoreScale.of("ms/op").format(Double.POSITIVE_INFINITY)).isEqualTo("+INF");
    }

    @Test
    void valuesAreWrittenAsStringFormatWritesThemHalfwayCasesIncluded() {
        java.util.Random random = new java.util.Random(13);
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 3) {
                case 0 -> Math.pow(10, random.nextDouble() * 12 - 6) * (random.nextBoolean() ? 1 : -1);
                case 1 -> (random.nextInt(2_000_000) + 0.5) / Math.pow(10, random.nextInt(10)); // ties on paper
                default -> random.nextInt(100_000) / Math.pow(10, random.nextInt(10));
            };
            if (v == 0) {
                continue;
            }
            int decimals = i % 10;

            assertThat(ScoreScale.fixed(v, decimals)).as("%s at %d decimals", v, decimals)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%." + decimals + "f", v));
        }
    }
}
