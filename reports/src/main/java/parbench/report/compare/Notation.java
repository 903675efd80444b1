package parbench.report.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How the outputs write numbers: four significant digits, percentages with a sign, p in short scientific form.
 * Fixed-point numbers are written by {@link #fixed} rather than {@code String.format}: a table of 10,000 rows
 * formats about 80,000 numbers, and {@code Formatter} made that a third of a large comparison's time.
 */
final class Notation {

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Notation() {
    }

    static String value(double v) {
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "+INF" : "-INF";
        }
        double a = Math.abs(v);
        if (a >= 1e6 || (a < 1e-3 && a > 0)) {
            return scientific(v, 3);
        }
        if (a == 0) {
            return "0.000";
        }
        int exponent = (int) Math.floor(Math.log10(a));
        return fixed(v, Math.max(0, 3 - exponent), false);
    }

    /** {@code v} rounded half-up to {@code decimals} (at most 6) places, with a {@code +} when {@code sign}. */
    static String fixed(double v, int decimals, boolean sign) {
        if (Math.abs(v) >= 1e12) {
            return String.format(Locale.ROOT, sign ? "%+.3e" : "%.3e", v);
        }
        long scaled = Math.round(Math.abs(v) * POWERS[decimals]);
        StringBuilder out = new StringBuilder(16);
        if (v < 0 && scaled != 0) {
            out.append('-');
        } else if (sign) {
            out.append('+');
        }
        out.append(scaled / POWERS[decimals]);
        if (decimals > 0) {
            String fraction = Long.toString(scaled % POWERS[decimals]);
            out.append('.').append("0".repeat(decimals - fraction.length())).append(fraction);
        }
        return out.toString();
    }

    static String signedPercent(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "n/a";
        }
        return fixed((ratio - 1) * 100, 2, true) + "%";
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3g%%", fraction * 100);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p >= 0.001 ? fixed(p, 3, false) : scientific(p, 1);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>e", v)} without a {@code Formatter} (a comparison where every row
     * regressed writes one small p per row): like the Formatter, it rounds the shortest decimal that reads back as
     * {@code v} ({@link Double#toString}) half up to {@code decimals + 1} significant digits; the exponent has a sign
     * and at least two digits. Zero and non-finite values go to the Formatter. {@code NotationTest} holds the two
     * equal on a million values.
     */
    static String scientific(double v, int decimals) {
        if (v == 0 || !Double.isFinite(v)) {
            return String.format(Locale.ROOT, "%." + decimals + "e", v);
        }
        BigDecimal rounded = new BigDecimal(Double.toString(Math.abs(v)))
                .round(new MathContext(decimals + 1, RoundingMode.HALF_UP));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        StringBuilder out = new StringBuilder(decimals + 8);
        if (v < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (decimals > 0) {
            out.append('.');
            for (int i = 1; i <= decimals; i++) {
                out.append(i < digits.length() ? digits.charAt(i) : '0');
            }
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }

    /** {@code value ± x%}, or {@code -} when the side is absent. */
    static String side(java.util.Optional<SideSummary> side) {
        return side.map(s -> value(s.value()) + " ± " + (Double.isFinite(s.plusMinusPercent())
                        ? fixed(s.plusMinusPercent(), 1, false) + "%" : "n/a"))
                .orElse("-");
    }

    /** {@code +1.23% [-0.5%, +3.1%]}, or {@code -}. */
    static String change(java.util.Optional<Change> change) {
        return change.map(c -> signedPercent(c.ratio()) + " [" + signedPercent(c.low()) + ", "
                + signedPercent(c.high()) + "]").orElse("-");
    }

    /** The confidence level the intervals use, {@code 99%} for alpha 0.01. */
    static String confidence(double alpha) {
        return String.format(Locale.ROOT, "%.3g%%", (1 - alpha) * 100);
    }
}
