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
        return unit == null ? Kind.OTHER : parsed(unit).kind();
    }

    /**
     * What a unit string says, parsed once: a comparison asks for the same few units' kind and factors tens of
     * thousands of times. At most {@value #MAX_CACHED} distinct units are kept (the strings come from input files).
     */
    private static Parsed parsed(String unit) {
        Parsed known = PARSED.get(unit);
        if (known != null) {
            return known;
        }
        Parsed fresh = Parsed.of(unit);
        if (PARSED.size() < MAX_CACHED) {
            PARSED.putIfAbsent(unit, fresh);
        }
        return fresh;
    }

    private static final int MAX_CACHED = 256;
    private static final java.util.concurrent.ConcurrentHashMap<String, Parsed> PARSED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A unit's kind and, for the time kinds, the seconds its time part stands for. */
    private record Parsed(Kind kind, double seconds) {
        static Parsed of(String unit) {
            String[] parts = unit.trim().toLowerCase(Locale.ROOT).split("/");
            if (parts.length != 2) {
                return new Parsed(Kind.OTHER, Double.NaN);
            }
            if (parts[1].equals("op") && SECONDS.containsKey(parts[0])) {
                return new Parsed(Kind.TIME_PER_OP, SECONDS.get(parts[0]));
            }
            if (parts[0].equals("ops") && SECONDS.containsKey(parts[1])) {
                return new Parsed(Kind.OPS_PER_TIME, SECONDS.get(parts[1]));
            }
            return new Parsed(Kind.OTHER, Double.NaN);
        }
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
        if (from == null || to == null) {
            return Double.NaN;
        }
        Parsed f = parsed(from);
        Parsed t = parsed(to);
        if (f.kind() == Kind.OTHER || f.kind() != t.kind()) {
            return Double.NaN;
        }
        return f.kind() == Kind.TIME_PER_OP ? f.seconds() / t.seconds() : t.seconds() / f.seconds();
    }
}
