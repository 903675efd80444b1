package parbench.report.compare;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal output, in the spirit of benchstat: the mode line first, then one aligned row per key with
 * baseline ± CI, candidate ± CI, change [CI], p and the verdict, then the counts.
 */
public final class TextTable implements ComparisonRenderer {

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");
    private static final String[] HEADER = {"benchmark", "unit", "better", "baseline", "candidate", "change [CI]", "p",
            "verdict"};

    @Override
    public void render(RunComparison comparison, Writer out) throws IOException {
        out.write(comparison.mode().line() + "\n");
        for (String warning : comparison.warnings()) {
            out.write("warning: " + oneLine(warning) + "\n");
        }
        out.write("baseline:  " + oneLine(String.join("; ", comparison.baseline())) + "\n");
        out.write("candidate: " + oneLine(String.join("; ", comparison.candidate())) + "\n");
        out.write("alpha " + comparison.alpha() + ", threshold " + Notation.percent(comparison.threshold().fallback())
                + (comparison.threshold().ruleCount() > 0
                ? " (" + comparison.threshold().ruleCount() + " per-benchmark rules)" : "")
                + ", intervals at " + Notation.confidence(comparison.alpha()) + ", medians ± CI\n\n");
        List<String[]> table = new ArrayList<>(comparison.rows().size() + 1);
        table.add(HEADER);
        for (ComparisonRow row : comparison.rows()) {
            table.add(new String[]{oneLine(row.key().display()), row.key().unit(), row.direction().better(),
                    Notation.side(row.baseline()), Notation.side(row.candidate()), Notation.change(row.change()),
                    row.change().map(c -> Notation.p(c.p())).orElse("-"),
                    row.verdict().label() + row.note().map(n -> " (" + n + ")").orElse("")});
        }
        int[] widths = new int[HEADER.length];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder line = new StringBuilder(256);
        for (String[] cells : table) {
            line.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                line.append(cells[i]);
                if (i < cells.length - 1) {
                    line.append(" ".repeat(widths[i] - cells[i].length() + 2));
                }
            }
            out.write(line.toString().stripTrailing());
            out.write('\n');
        }
        out.write("\n" + comparison.countsLine() + "\n");
    }

    /** A benchmark name or label may hold anything; a table row must stay one line. */
    static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ");
    }
}
