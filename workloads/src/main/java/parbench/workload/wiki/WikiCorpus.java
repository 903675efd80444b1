package parbench.workload.wiki;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The page titles the Wikipedia workload checks, in a fixed order: the seed article's four
 * pages first (Ocean, Island, this_page_does_not_exist, Shark), then generated titles
 * {@code Generated_page_000000}, {@code Generated_page_000001}, ... of which a fraction
 * {@code missingFraction} do not exist.
 *
 * <p>Generated page {@code i} is missing exactly when {@code floor((i + 1) * f) > floor(i * f)},
 * so missing pages are evenly spread and the first {@code n} generated pages hold
 * {@code floor(n * f)} missing ones. The rule is plain IEEE double arithmetic, so the Python
 * harness reproduces it exactly. Nothing in a title tells whether it exists: the client has to ask.
 *
 * @param missingFraction fraction of generated titles that do not exist, in [0, 1]
 */
public record WikiCorpus(double missingFraction) {

    /** The fraction used unless one is given. */
    public static final double DEFAULT_MISSING_FRACTION = 0.25;

    /** The seed article's pages, in its order. */
    public static final List<WikiPage> SEED_PAGES = List.of(
            new WikiPage("Ocean", true),
            new WikiPage("Island", true),
            new WikiPage("this_page_does_not_exist", false),
            new WikiPage("Shark", true));

    public WikiCorpus {
        if (!(missingFraction >= 0.0 && missingFraction <= 1.0)) {
            throw new IllegalArgumentException("missing fraction must be within [0, 1], was " + missingFraction);
        }
    }

    public static WikiCorpus withDefaults() {
        return new WikiCorpus(DEFAULT_MISSING_FRACTION);
    }

    /** The first {@code size} pages: the seed's four, then generated ones. */
    public List<WikiPage> pages(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("corpus size must be zero or more, was " + size);
        }
        var pages = new ArrayList<WikiPage>(size);
        SEED_PAGES.stream().limit(size).forEach(pages::add);
        IntStream.range(0, size - pages.size()).mapToObj(this::generated).forEach(pages::add);
        return List.copyOf(pages);
    }

    /** Generated page {@code i} (0-based, counted after the seed pages). */
    public WikiPage generated(int i) {
        boolean missing = Math.floor((i + 1) * missingFraction) > Math.floor(i * missingFraction);
        return new WikiPage("Generated_page_%06d".formatted(i), !missing);
    }

    /** Whether {@code title} exists in this corpus (any size): seed pages and generated titles. */
    public boolean exists(String title) {
        for (WikiPage seed : SEED_PAGES) {
            if (seed.title().equals(title)) {
                return seed.exists();
            }
        }
        if (title.length() == "Generated_page_".length() + 6 && title.startsWith("Generated_page_")) {
            try {
                return generated(Integer.parseInt(title.substring("Generated_page_".length()))).exists();
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }
}
