package parbench.report.analysis;

import parbench.report.jmh.TimeUnits;

import java.util.List;
import java.util.Locale;

/**
 * The unit a set of scores reads best in, autoscaled as JMH users write them: {@code ns/op}, {@code us/op},
 * {@code ms/op}, {@code s/op} for times; {@code ops/ns} ... {@code ops/s} for throughputs. The unit is chosen once
 * for a whole set (a sentence, a chart, a table column), by its smallest value, so values that are compared share
 * one unit and none reads as 0.000. Any other unit (bytes, counts) is kept as written.
 *
 * @param unit   the chosen unit, e.g. {@code us/op}
 * @param factor what a value in the set's own unit is multiplied by to be in {@code unit}
 */
public record UnitScale(String unit, double factor) {

    private static final List<String> TIMES = List.of("ns/op", "us/op", "ms/op", "s/op");
    private static final List<String> RATES = List.of("ops/ns", "ops/us", "ops/ms", "ops/s");

    /** The scale for {@code values}, all in {@code unit}; non-finite and non-positive values are ignored. */
    public static UnitScale forValues(String unit, List<Double> values) {
        double smallest = values.stream().filter(v -> Double.isFinite(v) && v > 0).mapToDouble(Double::doubleValue)
                .min().orElse(Double.NaN);
        TimeUnits.Kind kind = TimeUnits.kind(unit);
        if (kind == TimeUnits.Kind.OTHER || Double.isNaN(smallest)) {
            return new UnitScale(unit, 1.0);
        }
        // times: the largest unit in which the smallest value is still >= 1; rates: the finest such unit
        List<String> candidates = kind == TimeUnits.Kind.TIME_PER_OP ? TIMES.reversed() : RATES;
        for (String candidate : candidates) {
            double factor = TimeUnits.factor(unit, candidate);
            if (smallest * factor >= 1) {
                return new UnitScale(candidate, factor);
            }
        }
        String finest = candidates.getLast();
        return new UnitScale(finest, TimeUnits.factor(unit, finest));
    }

    /** {@code value} (in the set's own unit) in this unit, with the unit: "92.7 us/op". */
    public String format(double value) {
        return number(value * factor) + " " + unit;
    }

    /** Four significant digits, no exponent in the usual range: 0.0152, 15.24, 902.4, 22769. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+INF" : "-INF";
        }
        double a = Math.abs(v);
        if (a >= 10_000) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a != 0 && a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
