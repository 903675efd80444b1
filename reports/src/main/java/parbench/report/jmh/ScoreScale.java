package parbench.report.jmh;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;

/**
 * The unit a group of JMH scores reads best in, as benchstat scales a table: time per operation among {@code s/op},
 * {@code ms/op}, {@code us/op}, {@code ns/op}, throughput among {@code ops/ns}, {@code ops/us}, {@code ops/ms},
 * {@code ops/s}, chosen so that the group's median magnitude lies in {@code [1, 1000)} where it can. One scale for the
 * whole group, so values that sit side by side in a table share a unit. Units that are not JMH time units (bytes,
 * counts, {@code ×}) keep their unit and factor 1.
 *
 * @param sourceUnit the unit the values are in
 * @param unit       the unit they are shown in
 * @param factor     multiply a value in {@code sourceUnit} by this to get it in {@code unit}
 */
public record ScoreScale(String sourceUnit, String unit, double factor) {

    /** Time units, coarsest first: the first in which the value is at least 1 wins. */
    private static final List<String> TIMES = List.of("s/op", "ms/op", "us/op", "ns/op");
    /** Throughput units, finest time first (smallest numbers first): the first at least 1 wins. */
    private static final List<String> RATES = List.of("ops/ns", "ops/us", "ops/ms", "ops/s");

    /** The scale for {@code values} in {@code sourceUnit}; non-finite and zero values do not vote. */
    public static ScoreScale of(String sourceUnit, double... values) {
        List<String> ladder = switch (TimeUnits.kind(sourceUnit)) {
            case TIME_PER_OP -> TIMES;
            case OPS_PER_TIME -> RATES;
            case OTHER -> List.of();
        };
        double reference = medianMagnitude(values);
        if (ladder.isEmpty() || Double.isNaN(reference)) {
            return new ScoreScale(sourceUnit, sourceUnit, 1.0);
        }
        for (String candidate : ladder) {
            double factor = TimeUnits.factor(sourceUnit, candidate);
            if (reference * factor >= 1) {
                return new ScoreScale(sourceUnit, candidate, factor);
            }
        }
        String last = ladder.get(ladder.size() - 1);
        return new ScoreScale(sourceUnit, last, TimeUnits.factor(sourceUnit, last));
    }

    /** {@code value} (in the source unit) in this scale's unit. */
    public double apply(double value) {
        return value * factor;
    }

    /**
     * {@code value} (in the source unit) scaled and written with four significant digits, never in exponent form
     * ({@code 12.35}, {@code 0.1235}); non-finite values as {@code NaN}, {@code +INF}, {@code -INF}.
     */
    public String format(double value) {
        double v = apply(value);
        if (!Double.isFinite(v)) {
            return Double.isNaN(v) ? "NaN" : v > 0 ? "+INF" : "-INF";
        }
        if (v == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
        int decimals = Math.max(0, Math.min(9, 3 - exponent));
        return fixed(v, decimals);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.<decimals>f", v)} for a finite, non-zero {@code v}, without a
     * {@code Formatter} per value (a table of 10,000 rows formats 20,000 values): the Formatter rounds the shortest
     * decimal that reads back as {@code v} ({@link Double#toString}) half up, and so does this, in {@link BigDecimal}.
     * {@code ScoreScaleTest} holds the two equal on a million values.
     */
    static String fixed(double v, int decimals) {
        String digits = new BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        return v < 0 ? "-" + digits : digits;
    }

    private static double medianMagnitude(double[] values) {
        double[] kept = new double[values.length];
        int n = 0;
        for (double value : values) {
            double v = Math.abs(value);
            if (Double.isFinite(v) && v > 0) {
                kept[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(kept, 0, n);
        return n % 2 == 1 ? kept[n / 2] : (kept[n / 2 - 1] + kept[n / 2]) / 2;
    }
}
