package parbench.report.compare;

import java.util.Locale;

/** How the outputs write numbers: four significant digits, percentages with a sign, p in short scientific form. */
final class Notation {

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
        String s = String.format(Locale.ROOT, "%.4g", v);
        return s.contains("e") ? String.format(Locale.ROOT, "%.1f", v) : s;
    }

    static String signedPercent(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.2f%%", (ratio - 1) * 100);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.3g%%", fraction * 100);
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** {@code median ± x%}, or {@code -} when the side is absent. */
    static String side(java.util.Optional<SideSummary> side) {
        return side.map(s -> value(s.median()) + " ± " + String.format(Locale.ROOT, "%.1f%%", s.plusMinusPercent()))
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
