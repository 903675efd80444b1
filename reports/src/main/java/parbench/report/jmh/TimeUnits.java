package parbench.report.jmh;

import java.util.Locale;
import java.util.Map;

/**
 * JMH's score units: time per operation ({@code ns/op} ... {@code s/op}, also {@code us/op}) and operations per
 * time ({@code ops/ns} ... {@code ops/s}, {@code ops/min}). Scores are shown normalised to {@code ms/op} and
 * {@code ops/s}; any other unit (bytes, counts) is left as written.
 */
public final class TimeUnits {

    /** What a unit measures. */
    public enum Kind { TIME_PER_OP, OPS_PER_TIME, OTHER }

    public static final String NORMAL_TIME = "ms/op";
    public static final String NORMAL_THROUGHPUT = "ops/s";

    private static final Map<String, Double> SECONDS = Map.of(
            "ns", 1e-9, "us", 1e-6, "µs", 1e-6, "μs", 1e-6, "ms", 1e-3, "s", 1.0, "min", 60.0, "hr", 3600.0,
            "h", 3600.0, "sec", 1.0);

    private TimeUnits() {
    }

    public static Kind kind(String unit) {
        if (unit == null) {
            return Kind.OTHER;
        }
        String[] parts = unit.trim().toLowerCase(Locale.ROOT).split("/");
        if (parts.length != 2) {
            return Kind.OTHER;
        }
        if (parts[1].equals("op") && SECONDS.containsKey(parts[0])) {
            return Kind.TIME_PER_OP;
        }
        if (parts[0].equals("ops") && SECONDS.containsKey(parts[1])) {
            return Kind.OPS_PER_TIME;
        }
        return Kind.OTHER;
    }

    /** The normalised unit for {@code unit}: ms/op, ops/s, or {@code unit} itself. */
    public static String normalised(String unit) {
        return switch (kind(unit)) {
            case TIME_PER_OP -> NORMAL_TIME;
            case OPS_PER_TIME -> NORMAL_THROUGHPUT;
            case OTHER -> unit;
        };
    }

    /** The factor that converts a value in {@code from} to {@code to}; NaN when they are not comparable. */
    public static double factor(String from, String to) {
        if (from != null && from.equals(to)) {
            return 1.0;
        }
        Kind kind = kind(from);
        if (kind == Kind.OTHER || kind != kind(to)) {
            return Double.NaN;
        }
        String[] f = from.trim().toLowerCase(Locale.ROOT).split("/");
        String[] t = to.trim().toLowerCase(Locale.ROOT).split("/");
        return kind == Kind.TIME_PER_OP
                ? SECONDS.get(f[0]) / SECONDS.get(t[0])
                : SECONDS.get(t[1]) / SECONDS.get(f[1]);
    }
}
