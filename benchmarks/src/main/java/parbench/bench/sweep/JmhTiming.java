package parbench.bench.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long JMH measures one point: forks ({@code -f}; 0 runs in the host JVM), warm-up and measured
 * iterations ({@code -wi}, {@code -i}) and their times ({@code -w}, {@code -r}). Immutable.
 */
public record JmhTiming(int forks, int warmupIterations, int iterations, Duration warmupTime,
        Duration measurementTime) {

    private static final Pattern TIME = Pattern.compile("(\\d+)(ns|us|ms|s|m|min|hr)?");

    public JmhTiming {
        if (forks < 0 || warmupIterations < 0 || iterations < 1) {
            throw new IllegalArgumentException("bad JMH timing: -f " + forks + " -wi " + warmupIterations
                    + " -i " + iterations);
        }
    }

    /** {@code -f F -wi W -i I -w Tms -r Tms}. */
    public List<String> options() {
        return List.of("-f", String.valueOf(forks), "-wi", String.valueOf(warmupIterations),
                "-i", String.valueOf(iterations), "-w", warmupTime.toMillis() + "ms",
                "-r", measurementTime.toMillis() + "ms");
    }

    /**
     * This timing with the user's JMH options of the same names applied ({@code -f 1} replaces the
     * forks); other options are left alone.
     *
     * @throws IllegalArgumentException naming an option whose value is no number or time
     */
    public JmhTiming with(List<String> userOptions) {
        int f = forks;
        int wi = warmupIterations;
        int i = iterations;
        Duration w = warmupTime;
        Duration r = measurementTime;
        for (int k = 0; k + 1 < userOptions.size(); k++) {
            String value = userOptions.get(k + 1);
            switch (userOptions.get(k)) {
                case "-f" -> f = count("-f", value);
                case "-wi" -> wi = count("-wi", value);
                case "-i" -> i = count("-i", value);
                case "-w" -> w = time("-w", value);
                case "-r" -> r = time("-r", value);
                default -> { }
            }
        }
        return new JmhTiming(f, wi, i, w, r);
    }

    /** The option names this record covers, which the user may override. */
    static List<String> names() {
        return new ArrayList<>(List.of("-f", "-wi", "-i", "-w", "-r"));
    }

    private static int count(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("JMH option " + option + " takes a whole number, not '" + value + "'", e);
        }
    }

    /** JMH's time format: {@code 200ms}, {@code 1s}, {@code 1} (seconds). */
    private static Duration time(String option, String value) {
        Matcher m = TIME.matcher(value.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("JMH option " + option + " takes a time such as 200ms or 1s, not '"
                    + value + "'");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            case "m", "min" -> Duration.ofMinutes(amount);
            case "hr" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
