package parbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The core counts a sweep measures, ascending and distinct, each between 1 and the machine's
 * logical processors. Immutable, so safe to share between threads.
 *
 * @param counts the core counts, ascending, distinct, in {@code [1, machineProcessors]}
 * @param machineProcessors the logical processors this JVM may use (its affinity), at least 1
 */
public record CoreSet(List<Integer> counts, int machineProcessors) {

    public CoreSet {
        counts = List.copyOf(counts);
    }

    /**
     * Parses a comma-separated list such as {@code 1,2,4}.
     *
     * @throws IllegalArgumentException naming the bad entry, for text that is no such list or
     *     names a count below 1 or above {@code machineProcessors}
     */
    public static CoreSet parse(String text, int machineProcessors) {
        var counts = new TreeSet<Integer>();
        for (String entry : text.split(",", -1)) {
            int count;
            try {
                count = Integer.parseInt(entry.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad core list '" + text + "': '" + entry
                        + "' is not a whole number (expected e.g. 1,2,4)", e);
            }
            if (count < 1) {
                throw new IllegalArgumentException("bad core list '" + text + "': " + count + " is below 1");
            }
            if (count > machineProcessors) {
                throw new IllegalArgumentException("core count " + count + " is above this machine's "
                        + machineProcessors + " processors");
            }
            counts.add(count);
        }
        return new CoreSet(new ArrayList<>(counts), machineProcessors);
    }

    /** The list as typed on the command line, e.g. {@code 1,2}. */
    @Override
    public String toString() {
        return counts.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
