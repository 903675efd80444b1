package parbench.report.compare;

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
            return String.format(Locale.ROOT, "%.3e", v);
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
        return p >= 0.001 ? fixed(p, 3, false) : String.format(Locale.ROOT, "%.1e", p);
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
