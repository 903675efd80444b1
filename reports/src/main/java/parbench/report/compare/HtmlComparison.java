package parbench.report.compare;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import parbench.report.html.PageResources;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison as one self-contained HTML page in the report's look: its own small Pebble template
 * ({@code compare.peb}) with autoescaping for every input string, the report's stylesheet inlined, no script and no
 * network reference. Thread-safe: the template is compiled once.
 */
public final class HtmlComparison implements ComparisonRenderer {

    private final PebbleTemplate template;
    private final String css;

    public HtmlComparison() {
        this.template = PageResources.template("compare.peb");
        this.css = PageResources.text("report.css") + "\n" + PageResources.text("compare.css");
    }

    /** One table row as the template shows it: every cell already a string. */
    public record Line(String benchmark, String unit, String better, String baseline, String candidate,
                       String change, String p, String verdict, String verdictClass, String note) {
    }

    @Override
    public void render(RunComparison comparison, Writer out) throws IOException {
        List<Line> lines = comparison.rows().stream().map(r -> new Line(r.key().display(), r.key().unit(),
                r.direction().better(), Notation.side(r.baseline()), Notation.side(r.candidate()),
                Notation.change(r.change()), r.change().map(c -> Notation.p(c.p())).orElse("-"), r.verdict().label(),
                r.verdict().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.note().orElse(""))).toList();
        Map<String, Object> context = new HashMap<>();
        context.put("mode", comparison.mode().mode().label());
        context.put("modeReason", comparison.mode().reason());
        context.put("warnings", comparison.warnings());
        context.put("evidence", comparison.evidenceLines());
        context.put("settings", TextTable.settings(comparison));
        context.put("baseline", comparison.baseline());
        context.put("candidate", comparison.candidate());
        context.put("alpha", String.valueOf(comparison.alpha()));
        context.put("threshold", Notation.percent(comparison.threshold().fallback()));
        context.put("rules", comparison.threshold().ruleCount());
        context.put("confidence", Notation.confidence(comparison.alpha()));
        context.put("counts", comparison.countsLine());
        context.put("regression", comparison.hasRegression());
        context.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("css", css);
        context.put("lines", lines);
        template.evaluate(out, context);
    }

}
