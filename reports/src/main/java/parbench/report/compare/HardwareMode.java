package parbench.report.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a comparison compares. On the same machine the scores themselves; across machines only what does not depend
 * on the machine: speedup over {@code sequential} within each run and efficiency against the physical ideal.
 * {@link #AUTO} decides from the run manifests (see {@link ModeChoice}).
 */
public enum HardwareMode {
    AUTO("auto"),
    SAME_HARDWARE("same-hardware"),
    CROSS_HARDWARE("cross-hardware");

    private final String label;

    HardwareMode(String label) {
        this.label = label;
    }

    /** The name on the command line and in the outputs. */
    public String label() {
        return label;
    }

    /** Parses {@code auto}, {@code same-hardware} or {@code cross-hardware}; the error names the bad value. */
    public static HardwareMode parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown mode '" + text + "', expected one of "
                        + Arrays.stream(values()).map(HardwareMode::label).collect(Collectors.joining(", "))));
    }
}
