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
        // each group's table is a string of its own, built on every core and written in group order: the same bytes
        // as one thread writes (a comparison of 10,000 benchmarks has 10,000 tables)
        List<String> tables = ComparisonGroup.of(comparison.rows()).parallelStream().map(TextTable::table).toList();
        for (String table : tables) {
            out.write(table);
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

    /** A group's title line and table, each line ending in a newline, after an empty line. */
    private static String table(ComparisonGroup group) {
        StringBuilder out = new StringBuilder(256 * (group.rows().size() + 3));
        out.append('\n').append(oneLine(group.title())).append(" (").append(group.scale().unit()).append(", ")
                .append(group.rows().get(0).direction().better()).append(" is better)\n");
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
        for (String[] cells : table) {
            int start = out.length();
            for (int i = 0; i < cells.length; i++) {
                out.append(cells[i]);
                if (i < cells.length - 1) {
                    for (int pad = widths[i] - cells[i].length() + 2; pad > 0; pad--) {
                        out.append(' ');
                    }
                }
            }
            // what stripTrailing() dropped: trailing whitespace of the line (padding, or a cell's own)
            int end = out.length();
            while (end > start && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            out.setLength(end);
            out.append('\n');
        }
        return out.toString();
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
