package parbench.report.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The output formats of {@code parbench compare}, each with its renderer. */
public enum ComparisonFormat {
    TEXT("text", TextTable::new),
    MARKDOWN("markdown", MarkdownTable::new),
    JSON("json", JsonComparison::new),
    HTML("html", HtmlComparison::new);

    private final String label;
    private final Supplier<ComparisonRenderer> renderer;

    ComparisonFormat(String label, Supplier<ComparisonRenderer> renderer) {
        this.label = label;
        this.renderer = renderer;
    }

    public String label() {
        return label;
    }

    public ComparisonRenderer renderer() {
        return renderer.get();
    }

    /** Parses {@code text}, {@code markdown}, {@code json} or {@code html}; the error names the bad value. */
    public static ComparisonFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted) || (f == MARKDOWN && wanted.equals("md")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + text + "', expected one of "
                        + Arrays.stream(values()).map(ComparisonFormat::label).collect(Collectors.joining(", "))));
    }
}
