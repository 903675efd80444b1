package parbench.report.compare;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The terminal output, in the spirit of benchstat: the mode and evidence lines first, then one table per benchmark
 * ({@link ComparisonGroup}) with its params as columns, values in one autoscaled unit per table, {@code n} as
 * {@code forks×iterations}, baseline ± CI, candidate ± CI, change [CI], p and the verdict, and a geomean row; then the
 * counts.
 */
public final class TextTable implements ComparisonRenderer {

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]+");

    @Override
    public void render(RunComparison comparison, Writer out) throws IOException {
        out.write(comparison.mode().line() + "\n");
        for (String line : comparison.evidenceLines()) {
            out.write(line + "\n");
        }
        for (String warning : comparison.warnings()) {
            out.write("warning: " + oneLine(warning) + "\n");
        }
        out.write("baseline:  " + oneLine(String.join("; ", comparison.baseline())) + "\n");
        out.write("candidate: " + oneLine(String.join("; ", comparison.candidate())) + "\n");
        out.write(settings(comparison) + "\n");
        for (ComparisonGroup group : ComparisonGroup.of(comparison.rows())) {
            out.write("\n" + oneLine(group.title()) + " (" + group.scale().unit() + ", "
                    + group.rows().get(0).direction().better() + " is better)\n");
            table(group, out);
        }
        if (!comparison.sampling().isEmpty()) {
            out.write("\nsampling (candidate; Kalibera & Jones's variance split):\n");
            for (String line : comparison.sampling()) {
                out.write("  " + line + "\n");
            }
        }
        out.write("\n" + comparison.countsLine() + "\n");
    }

    /** The settings line every format shows. */
    static String settings(RunComparison comparison) {
        return "alpha " + comparison.alpha() + ", threshold " + Notation.percent(comparison.threshold().fallback())
                + (comparison.threshold().ruleCount() > 0
                ? " (" + comparison.threshold().ruleCount() + " per-benchmark rules)" : "")
                + (comparison.rows().stream().anyMatch(r -> r.change().map(c -> c.evidence() == Evidence.UNREPLICATED)
                .orElse(false)) ? ", run-to-run allowance " + Notation.percent(comparison.runNoise()) : "")
                + ", intervals at "
                + Notation.confidence(comparison.alpha()) + " (hierarchical bootstrap, " + comparison.resampling().describe()
                + "), n = forks×iterations";
    }

    private static void table(ComparisonGroup group, Writer out) throws IOException {
        List<String> header = new ArrayList<>(group.params());
        if (group.cores()) {
            header.add("cores");
        }
        int leading = header.size();
        header.addAll(List.of("baseline", "n", "candidate", "n", "change [CI]", "p", "verdict"));
        List<String[]> table = new ArrayList<>(group.rows().size() + 2);
        table.add(header.toArray(String[]::new));
        for (ComparisonRow row : group.rows()) {
            List<String> cells = new ArrayList<>(header.size());
            for (String param : group.params()) {
                cells.add(oneLine(row.key().params().getOrDefault(param, "-")));
            }
            if (group.cores()) {
                cells.add(row.key().cores() == null ? "-" : String.valueOf(row.key().cores()));
            }
            cells.add(group.side(row.baseline()));
            cells.add(row.baseline().map(SideSummary::n).orElse(""));
            cells.add(group.side(row.candidate()));
            cells.add(row.candidate().map(SideSummary::n).orElse(""));
            cells.add(Notation.change(row.change()));
            cells.add(row.change().map(c -> Notation.p(c.p())).orElse("-"));
            cells.add(row.verdict().label() + row.note().map(n -> " (" + oneLine(n) + ")").orElse(""));
            table.add(cells.toArray(String[]::new));
        }
        if (group.rows().size() > 1) {
            double[] geomeans = group.geomeans();
            String[] cells = new String[header.size()];
            java.util.Arrays.fill(cells, "");
            cells[0] = "geomean";
            cells[leading] = group.scale().format(geomeans[0]);
            cells[leading + 2] = group.scale().format(geomeans[1]);
            cells[leading + 4] = Notation.signedPercent(geomeans[2]);
            table.add(cells);
        }
        int[] widths = new int[header.size()];
        for (String[] cells : table) {
            for (int i = 0; i < cells.length; i++) {
                widths[i] = Math.max(widths[i], cells[i].length());
            }
        }
        StringBuilder line = new StringBuilder(160);
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
    }

    /** A benchmark name or label may hold anything; a table row must stay one line. */
    static String oneLine(String text) {
        // the pattern only where it has something to replace: names are almost always plain
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                return LINE_BREAKS.matcher(text).replaceAll(" ");
            }
        }
        return text;
    }
}
