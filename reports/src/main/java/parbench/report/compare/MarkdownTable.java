package parbench.report.compare;

import parbench.report.markdown.MarkdownSummary;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison for {@code $GITHUB_STEP_SUMMARY} and pull-request comments, grouped as the text output is
 * ({@link ComparisonGroup}, after benchstat): the mode and evidence lines first, the counts, then one table per
 * benchmark with its params as columns and its values in one autoscaled unit.
 *
 * <ul>
 *   <li>A benchmark with a row that matters (regressed, improved, insufficient data) gets a section of its own: those
 *       rows unfolded, its geomean, and its other rows folded in a {@code <details>} whose summary counts them.</li>
 *   <li>Benchmarks where nothing matters (every row unchanged, added or removed) are folded together in one
 *       {@code <details>} whose summary counts benchmarks and rows per verdict.</li>
 *   <li>Folded rows are listed up to {@value #MAX_FOLDED} in all, so the page stays far below GitHub's 1 MiB summary
 *       limit; past that a line says how many rows of how many benchmarks were left out and that {@code --format text}
 *       or {@code json} lists them. Rows that matter are never left out.</li>
 * </ul>
 * Every input string is escaped ({@link MarkdownSummary#cell}: HTML, Markdown emphasis, {@code |}, line breaks; the
 * reader has already made control characters visible). Stateless and thread-safe.
 */
public final class MarkdownTable implements ComparisonRenderer {

    /** The most folded rows listed; rows that matter are always listed. */
    static final int MAX_FOLDED = 500;

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
        out.write("- **" + comparison.countsLine() + "**\n");

        List<ComparisonGroup> groups = ComparisonGroup.of(comparison.rows());
        List<ComparisonGroup> quiet = new ArrayList<>();
        Budget budget = new Budget(MAX_FOLDED);
        for (ComparisonGroup group : groups) {
            List<ComparisonRow> shown = group.rows().stream().filter(r -> matters(r.verdict())).toList();
            if (shown.isEmpty()) {
                quiet.add(group);
                continue;
            }
            out.write("\n### " + heading(group) + "\n\n");
            table(group, shown, out);
            double[] geomeans = group.geomeans();
            if (group.rows().size() > 1 && Double.isFinite(geomeans[2])) {
                out.write("\ngeomean: " + group.scale().format(geomeans[0]) + " → " + group.scale().format(geomeans[1])
                        + ", " + Notation.signedPercent(geomeans[2]) + "\n");
            }
            List<ComparisonRow> folded = group.rows().stream().filter(r -> !matters(r.verdict())).toList();
            if (!folded.isEmpty()) {
                out.write("\n<details><summary>" + verdictCounts(folded) + "</summary>\n\n");
                budget.table(group, folded, out);
                out.write("\n</details>\n");
            }
        }
        if (!quiet.isEmpty()) {
            List<ComparisonRow> rows = quiet.stream().flatMap(g -> g.rows().stream()).toList();
            out.write("\n<details><summary>" + quiet.size() + " benchmark" + (quiet.size() == 1 ? "" : "s")
                    + " with nothing that matters: " + verdictCounts(rows) + "</summary>\n");
            for (ComparisonGroup group : quiet) {
                if (budget.left() > 0) {
                    out.write("\n#### " + heading(group) + "\n\n");
                }
                budget.table(group, group.rows(), out);
            }
            out.write("\n</details>\n");
        }
        if (budget.leftOutRows > 0) {
            out.write("\n… " + budget.leftOutRows + " folded row" + (budget.leftOutRows == 1 ? "" : "s") + " of "
                    + budget.leftOutGroups + " benchmark" + (budget.leftOutGroups == 1 ? "" : "s")
                    + " not listed here (at most " + MAX_FOLDED + " folded rows are); `--format text` or"
                    + " `--format json` lists every row\n");
        }
    }

    /** Regressed, improved and insufficient-data rows are shown unfolded: each one is something to act on. */
    static boolean matters(Verdict verdict) {
        return switch (verdict) {
            case REGRESSED, IMPROVED, INSUFFICIENT_DATA -> true;
            case UNCHANGED, ADDED, REMOVED -> false;
        };
    }

    private static String heading(ComparisonGroup group) {
        return MarkdownSummary.inline(group.title()) + " (" + MarkdownSummary.inline(group.scale().unit()) + ", "
                + group.rows().get(0).direction().better() + " is better)";
    }

    /** {@code 12 unchanged, 3 added}: the verdicts of {@code rows} that occur, in enum order. */
    private static String verdictCounts(List<ComparisonRow> rows) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        rows.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> parts.add(n + " " + v.label()));
        return String.join(", ", parts);
    }

    private static void table(ComparisonGroup group, List<ComparisonRow> rows, Writer out) throws IOException {
        StringBuilder header = new StringBuilder("|");
        StringBuilder rule = new StringBuilder("|");
        for (String param : group.params()) {
            header.append(' ').append(MarkdownSummary.cell(param)).append(" |");
            rule.append("---|");
        }
        if (group.cores()) {
            header.append(" cores |");
            rule.append("--:|");
        }
        header.append(" baseline | n | candidate | n | change [CI] | p | verdict |\n");
        rule.append("--:|--:|--:|--:|--:|--:|---|\n");
        out.write(header.toString());
        out.write(rule.toString());
        StringBuilder line = new StringBuilder(200);
        for (ComparisonRow row : rows) {
            line.setLength(0);
            line.append('|');
            for (String param : group.params()) {
                line.append(' ').append(MarkdownSummary.cell(row.key().params().getOrDefault(param, "-"))).append(" |");
            }
            if (group.cores()) {
                line.append(' ').append(row.key().cores() == null ? "-" : row.key().cores()).append(" |");
            }
            line.append(' ').append(MarkdownSummary.cell(group.side(row.baseline()))).append(" | ")
                    .append(row.baseline().map(SideSummary::n).orElse("")).append(" | ")
                    .append(MarkdownSummary.cell(group.side(row.candidate()))).append(" | ")
                    .append(row.candidate().map(SideSummary::n).orElse("")).append(" | ")
                    .append(MarkdownSummary.cell(Notation.change(row.change()))).append(" | ")
                    .append(row.change().map(c -> Notation.p(c.p())).orElse("-")).append(" | ")
                    .append(verdict(row)).append(" |\n");
            out.write(line.toString());
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

    /** Counts the folded rows listed so far; what is past {@link #MAX_FOLDED} is counted as left out. */
    private static final class Budget {
        private int left;
        private int leftOutRows;
        private int leftOutGroups;

        Budget(int rows) {
            this.left = rows;
        }

        int left() {
            return left;
        }

        /** Lists as many of {@code rows} as the budget allows and counts the rest; writes nothing once it is spent. */
        void table(ComparisonGroup group, List<ComparisonRow> rows, Writer out) throws IOException {
            int listed = Math.min(left, rows.size());
            if (listed > 0) {
                MarkdownTable.table(group, rows.subList(0, listed), out);
            }
            left -= listed;
            if (listed < rows.size()) {
                leftOutRows += rows.size() - listed;
                leftOutGroups++;
                if (listed > 0) {
                    out.write("\n… and " + (rows.size() - listed) + " more, not listed (see the last line)\n");
                }
            }
        }
    }
}
