package parbench.report.history;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which series a report or a change search reads.
 *
 * @param testbeds testbed names to keep; empty keeps all
 * @param include  kept when it finds a match in {@link SeriesKey#display()}; empty keeps all
 * @param branch   only runs of this branch; empty keeps every run
 */
public record SeriesFilter(List<String> testbeds, Optional<Pattern> include, Optional<String> branch) {

    public SeriesFilter {
        testbeds = List.copyOf(testbeds);
    }

    public static SeriesFilter all() {
        return new SeriesFilter(List.of(), Optional.empty(), Optional.empty());
    }

    boolean keeps(SeriesKey key) {
        return (testbeds.isEmpty() || testbeds.contains(key.testbedName()))
                && include.map(p -> p.matcher(key.display()).find()).orElse(true);
    }
}
