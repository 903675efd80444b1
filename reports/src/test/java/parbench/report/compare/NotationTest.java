package parbench.report.compare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NotationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1234.56, 1235", "123.456, 123.5", "1.23456, 1.235", "0.0123456, 0.01235", "-2.5, -2.500",
            "0, 0.000", "12345.6, 12346", "0.00012, 1.200e-04", "2e7, 2.000e+07"})
    void valuesHaveFourSignificantDigits(double value, String text) {
        assertThat(Notation.value(value)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.1, +10.00%", "0.9, -10.00%", "1.0, +0.00%", "1.00004, +0.00%", "0.99996, +0.00%",
            "1.0523, +5.23%", "3.5, +250.00%"})
    void ratiosAreSignedPercentagesWithTwoDecimals(double ratio, String text) {
        assertThat(Notation.signedPercent(ratio)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.0, 1.000", "0.0123, 0.012", "0.00015, 1.5e-04"})
    void pValuesAreShort(double p, String text) {
        assertThat(Notation.p(p)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void scientificIsWrittenAsStringFormatWritesItHalfwayCasesIncluded() {
        java.util.Random random = new java.util.Random(17);
        for (int i = 0; i < 1_000_000; i++) {
            double v = switch (i % 3) {
                case 0 -> Math.pow(10, random.nextDouble() * 40 - 20) * (random.nextBoolean() ? 1 : -1);
                case 1 -> (random.nextInt(20_000) * 10 + 5) * Math.pow(10, random.nextInt(30) - 20); // ties on paper
                default -> Double.longBitsToDouble(random.nextLong());
            };
            int decimals = i % 5;

            assertThat(Notation.scientific(v, decimals)).as("%s at %d decimals", v, decimals)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%." + decimals + "e", v));
        }
    }
}
