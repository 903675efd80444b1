package parbench.report.markdown;

import parbench.report.analysis.Finding;
import parbench.report.analysis.Findings;
import parbench.report.analysis.PythonVsJvm;
import parbench.report.analysis.Row;
import parbench.report.analysis.SpeedupTable;
import parbench.report.analysis.Warnings;
import parbench.report.run.RunInput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The report as Markdown for CI job pages: the inputs, the findings, the warnings and the main table (per model at
 * the largest core count with parallelism = all cores; for other JMH JSON, every result up to {@value #MAX_ROWS}).
 */
public final class MarkdownSummary {

    static final int MAX_ROWS = 200;

    private MarkdownSummary() {
    }

    public static String render(String title, SpeedupTable table) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(inline(title)).append("\n\n");
        for (RunInput input : table.inputs()) {
            md.append("- Input: ").append(inline(input.label())).append(" (").append(input.results().size())
                    .append(" results)\n");
        }
        md.append("\n## Findings\n\n");
        List<Finding> findings = Findings.of(table);
        if (findings.isEmpty()) {
            md.append("None: the inputs hold none of the workloads and models the findings compare.\n");
        }
        findings.forEach(f -> md.append("- **").append(inline(f.question())).append("** ").append(inline(f.answer())).append('\n'));
        List<Finding> pythonVsJvm = PythonVsJvm.of(table);
        if (!pythonVsJvm.isEmpty()) {
            md.append("\n## Python vs JVM\n\nSpeedup of py- rows is over py-sequential; of JVM rows, over sequential.\n\n");
            pythonVsJvm.forEach(f -> md.append("- **").append(inline(f.question())).append("** ")
                    .append(inline(f.answer())).append('\n'));
        }
        List<String> warnings = Warnings.of(table);
        md.append("\n## Warnings\n\n");
        if (warnings.isEmpty()) {
            md.append("None.\n");
        }
        warnings.forEach(w -> md.append("- ").append(inline(w)).append('\n'));
        md.append("\n## Results\n\n");
        List<Row> main = mainRows(table);
        boolean multi = table.inputs().size() > 1;
        md.append(multi ? "| input " : "").append("| benchmark | params | cores | score ± error | unit | speedup | efficiency |\n");
        md.append(multi ? "|---" : "").append("|---|---|---:|---:|---|---:|---:|\n");
        for (Row r : main.stream().limit(MAX_ROWS).toList()) {
            if (multi) {
                md.append("| ").append(cell(table.inputs().get(r.input()).label())).append(' ');
            }
            md.append("| ").append(cell(r.workload()))
                    .append(" | ").append(cell(r.result().params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))))
                    .append(" | ").append(r.cores() == null ? "—" : r.cores())
                    .append(" | ").append(number(r.metric().score())).append(" ± ").append(number(r.metric().scoreError()))
                    .append(" | ").append(cell(r.metric().unit()))
                    .append(" | ").append(r.speedup() == null ? "—" : number(r.speedup()) + "×")
                    .append(" | ").append(r.efficiency() == null ? "—"
                            : String.format(Locale.ROOT, "%.0f %%", 100 * r.efficiency()))
                    .append(" |\n");
        }
        if (main.size() > MAX_ROWS) {
            md.append("\n").append(main.size() - MAX_ROWS).append(" more rows are in the HTML report.\n");
        }
        return md.toString();
    }

    private static List<Row> mainRows(SpeedupTable table) {
        List<Row> suite = table.rows().stream().filter(r -> r.model() != null).toList();
        if (suite.isEmpty()) {
            return table.rows();
        }
        Integer maxCores = suite.stream().map(Row::cores).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        List<Row> main = new ArrayList<>(suite.stream()
                .filter(r -> Objects.equals(r.cores(), maxCores))
                .filter(r -> r.result().param("parallelism").map(p -> p.trim().startsWith("-") || p.trim().equals("0"))
                        .orElse(true))
                .toList());
        main.sort(Comparator.comparing(Row::input).thenComparing(Row::workload)
                .thenComparing(r -> r.workloadParams().toString())
                .thenComparingDouble(r -> r.metric().score()));
        return main.isEmpty() ? suite : main;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+INF" : "-INF";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : "%.3g", v);
    }

    /** Text safe inside a Markdown table cell: no pipe, no newline, no HTML. */
    public static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Text that Markdown renders literally: HTML and emphasis characters escaped, one line. */
    public static String inline(String text) {
        return text.replaceAll("[\\r\\n\\u2028\\u2029]+", " ")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replaceAll("([\\\\`*_\\[\\]])", "\\\\$1");
    }
}
