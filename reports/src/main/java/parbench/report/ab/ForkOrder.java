package parbench.report.ab;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The order in which the two builds' forks run within each pair. {@link #ALTERNATE} is A B A B …; {@link #RANDOM}
 * (randomised blocks) flips a seeded coin per pair, so that neither side always runs first: a machine that warms up
 * or throttles within a pair then biases neither. The same seed gives the same order.
 */
public enum ForkOrder {
    ALTERNATE("alternate"),
    RANDOM("random");

    private final String label;

    ForkOrder(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The two sides of pair {@code pair}, in the order they run. */
    public List<Side> pair(int pair, long seed) {
        boolean baseFirst = this == ALTERNATE || new SplittableRandom(seed + 0x9E3779B97F4A7C15L * pair).nextBoolean();
        return baseFirst ? List.of(Side.BASE, Side.CANDIDATE) : List.of(Side.CANDIDATE, Side.BASE);
    }

    /** Parses {@code alternate} or {@code random}; the error names the bad value. */
    public static ForkOrder parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(o -> o.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order '" + text + "', expected one of "
                        + Arrays.stream(values()).map(ForkOrder::label).collect(Collectors.joining(", "))));
    }
}
