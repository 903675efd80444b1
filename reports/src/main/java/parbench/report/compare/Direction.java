package parbench.report.compare;

import parbench.report.jmh.TimeUnits;

/**
 * Which way is better for a compared figure. JMH's mode decides: {@code thrpt} is operations per time (higher is
 * better); {@code avgt}, {@code sample} and {@code ss} are time per operation (lower is better). For a mode JMH does
 * not define, the unit decides, and a unit that is neither is taken as lower-is-better.
 */
public enum Direction {
    HIGHER_IS_BETTER("higher"),
    LOWER_IS_BETTER("lower");

    private final String better;

    Direction(String better) {
        this.better = better;
    }

    /** {@code higher} or {@code lower}: what "better" means, as the outputs write it. */
    public String better() {
        return better;
    }

    /** The direction of a JMH score in {@code mode} measured in {@code unit}. */
    public static Direction of(String mode, String unit) {
        return switch (mode) {
            case "thrpt" -> HIGHER_IS_BETTER;
            case "avgt", "sample", "ss" -> LOWER_IS_BETTER;
            default -> TimeUnits.kind(unit) == TimeUnits.Kind.OPS_PER_TIME ? HIGHER_IS_BETTER : LOWER_IS_BETTER;
        };
    }

    /** True when going from {@code baseline} to {@code candidate} (ratio = candidate / baseline) is an improvement. */
    public boolean improves(double ratio) {
        return this == HIGHER_IS_BETTER ? ratio > 1 : ratio < 1;
    }
}
