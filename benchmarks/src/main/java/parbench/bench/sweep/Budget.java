package parbench.bench.sweep;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code --budget}'s text: {@code 90s}, {@code 30m}, {@code 1h30m}, {@code 2h}, or {@code none}. Stateless. */
final class Budget {

    private static final Pattern TEXT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private Budget() {}

    /**
     * The budget {@code text} names, null for {@code none}.
     *
     * @throws IllegalArgumentException naming the bad text, for anything else or a zero budget
     */
    static Duration parse(String text) {
        if (text.equals("none")) {
            return null;
        }
        Matcher m = TEXT.matcher(text.strip());
        if (text.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("bad --budget '" + text + "': expected e.g. 90s, 30m, 1h30m or none");
        }
        Duration budget = Duration.ofHours(part(m.group(1))).plusMinutes(part(m.group(2))).plusSeconds(part(m.group(3)));
        if (budget.isZero()) {
            throw new IllegalArgumentException("bad --budget '" + text + "': a budget must be above zero");
        }
        return budget;
    }

    private static long part(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
