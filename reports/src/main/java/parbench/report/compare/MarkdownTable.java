package parbench.report.compare;

import parbench.report.markdown.MarkdownSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The comparison for {@code $GITHUB_STEP_SUMMARY} and pull-request comments: the mode and evidence lines first, the
 * counts, then a
 * table of everything that is not unchanged, and the unchanged rows folded in a {@code <details>} block (at most
 * {@value #MAX_UNCHANGED} of them, so the page stays under GitHub's summary size limit). Every input string is
 * escaped.
 */
public final class MarkdownTable implements ComparisonRenderer {

    static final int MAX_UNCHANGED = 500;

    @Override
    public void render(RunComparison comparison, Writer out) throws IOException {
        ModeChoice mode = comparison.mode();
        out.write("**mode: " + mode.mode().label() + "** (" + MarkdownSummary.inline(mode.reason()) + ")\n\n");
        for (String line : comparison.evidenceLines()) {
            out.write("**" + MarkdownSummary.inline(line) + "**\n\n");
        }
        out.write("## Benchmark comparison: " + (comparison.hasRegression() ? "❌ regression" : "✅ no regression")
                + "\n\n");
        for (String warning : comparison.warnings()) {
            out.write("> ⚠️ " + MarkdownSummary.inline(warning) + "\n\n");
        }
        out.write("- Baseline: " + MarkdownSummary.inline(String.join("; ", comparison.baseline())) + "\n");
        out.write("- Candidate: " + MarkdownSummary.inline(String.join("; ", comparison.candidate())) + "\n");
        out.write("- " + MarkdownSummary.inline(TextTable.settings(comparison)) + "\n");
        out.write("- **" + comparison.countsLine() + "**\n\n");
        List<ComparisonRow> changed = comparison.rows().stream().filter(r -> r.verdict() != Verdict.UNCHANGED).toList();
        List<ComparisonRow> unchanged = comparison.rows().stream().filter(r -> r.verdict() == Verdict.UNCHANGED).toList();
        if (!changed.isEmpty()) {
            table(changed, out);
        }
        if (!unchanged.isEmpty()) {
            out.write("\n<details><summary>" + unchanged.size() + " unchanged</summary>\n\n");
            table(unchanged.subList(0, Math.min(MAX_UNCHANGED, unchanged.size())), out);
            if (unchanged.size() > MAX_UNCHANGED) {
                out.write("\n… and " + (unchanged.size() - MAX_UNCHANGED) + " more (see --format json)\n");
            }
            out.write("\n</details>\n");
        }
    }

    private static void table(List<ComparisonRow> rows, Writer out) throws IOException {
        out.write("| benchmark | unit | better | baseline | n | candidate | n | change [CI] | p | verdict |\n");
        out.write("|---|---|---|--:|--:|--:|--:|--:|--:|---|\n");
        for (ComparisonRow row : rows) {
            out.write("| " + MarkdownSummary.cell(row.key().display()) + " | " + MarkdownSummary.cell(row.key().unit())
                    + " | " + row.direction().better() + " | " + MarkdownSummary.cell(Notation.side(row.baseline()))
                    + " | " + row.baseline().map(SideSummary::n).orElse("") + " | "
                    + MarkdownSummary.cell(Notation.side(row.candidate())) + " | "
                    + row.candidate().map(SideSummary::n).orElse("") + " | "
                    + MarkdownSummary.cell(Notation.change(row.change())) + " | "
                    + row.change().map(c -> Notation.p(c.p())).orElse("-") + " | " + verdict(row) + " |\n");
        }
    }

    private static String verdict(ComparisonRow row) {
        String label = switch (row.verdict()) {
            case REGRESSED -> "**regressed**";
            case IMPROVED -> "improved";
            default -> row.verdict().label();
        };
        return label + row.note().map(n -> " (" + MarkdownSummary.cell(n) + ")").orElse("");
    }
}
