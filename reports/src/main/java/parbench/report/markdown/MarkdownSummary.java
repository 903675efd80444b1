package parbench.report.markdown;

import parbench.report.analysis.DecisionTable;
import parbench.report.analysis.Finding;
import parbench.report.analysis.Findings;
import parbench.report.analysis.PythonVsJvm;
import parbench.report.analysis.Row;
import parbench.report.analysis.SpeedupTable;
import parbench.report.analysis.Warnings;
import parbench.report.jmh.ScoreScale;
import parbench.report.run.RunInput;
import parbench.report.run.TopologyMark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The report as Markdown for CI job pages: the inputs (each with its {@link parbench.report.run.TopologyMark} note
 * where its manifest records a topology), the {@link DecisionTable} first, the findings, the warnings
 * and the main table (every suite result at the largest core count; for other JMH JSON, every result), at most
 * {@value #MAX_ROWS} rows, with a line that says how many were folded into the HTML report and where.
 * Scores are autoscaled ({@link ScoreScale}) per benchmark.
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
            List<TopologyMark> marks = TopologyMark.of(input.manifest());
            if (!marks.isEmpty()) {
                md.append("  - Topology: ").append(inline(TopologyMark.notes(marks))).append(".\n");
            }
        }
        decision(md, DecisionTable.of(table));
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
        List<Row> listed = main.stream().limit(MAX_ROWS).toList();
        int total = table.rows().size();
        if (listed.size() < total) {
            md.append(String.format(Locale.ROOT, "%d of %d results listed%s; the other %d are folded into the HTML "
                            + "report's All results table.%n%n", listed.size(), total,
                    main.size() < total ? " (" + mainRowsAre(table) + ")" : "", total - listed.size()));
        } else {
            md.append("Every result (").append(total).append(").\n\n");
        }
        Map<String, ScoreScale> scales = new HashMap<>();
        main.stream().collect(Collectors.groupingBy(r -> r.result().benchmark() + "|" + r.metric().unit()))
                .forEach((key, rows) -> scales.put(key, ScoreScale.of(rows.getFirst().metric().unit(),
                        rows.stream().mapToDouble(r -> r.metric().score()).toArray())));
        boolean multi = table.inputs().size() > 1;
        md.append(multi ? "| input " : "").append("| benchmark | params | cores | score ± error | unit | speedup [interval] | efficiency [interval] |\n");
        md.append(multi ? "|---" : "").append("|---|---|---:|---:|---|---:|---:|\n");
        for (Row r : listed) {
            if (multi) {
                md.append("| ").append(cell(table.inputs().get(r.input()).label())).append(' ');
            }
            ScoreScale scale = scales.get(r.result().benchmark() + "|" + r.metric().unit());
            md.append("| ").append(cell(r.workload()))
                    .append(" | ").append(cell(r.result().params().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "))
                            + (r.model() != null && !r.modelInfo().followsParallelism() && !r.isBaseline()
                            ? " (ignores p)" : "")))
                    .append(" | ").append(r.cores() == null ? "—" : r.cores())
                    .append(" | ").append(scale.format(r.metric().score())).append(" ± ")
                    .append(scale.format(r.metric().scoreError()))
                    .append(" | ").append(cell(scale.unit()))
                    .append(" | ").append(r.speedup() == null ? "—" : cell(r.speedupText()))
                    .append(" | ").append(cell(r.efficiencyText()) + (r.beyondIdeal() ? " ⚠ measurement problem" : ""))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static void decision(StringBuilder md, DecisionTable decision) {
        if (decision.lines().isEmpty()) {
            return;
        }
        md.append("\n## Decision\n\n");
        md.append("Per workload and core count: the models indistinguishable from the best (speedup intervals "
                + "overlap), the best speedup over sequential with its interval, and why. \"(ignores p)\": the "
                + "model's concurrency does not follow the parallelism param.\n\n");
        md.append("| workload | comparison |");
        decision.cores().forEach(c -> md.append(' ').append(Findings.cores(c)).append(" |"));
        md.append("\n|---|---|");
        decision.cores().forEach(c -> md.append("---|"));
        md.append('\n');
        for (DecisionTable.Line line : decision.lines()) {
            for (DecisionTable.Comparison comparison : DecisionTable.Comparison.values()) {
                md.append("| ").append(cell(line.label())).append(" | ").append(comparison.title()).append(" |");
                for (int cores : decision.cores()) {
                    DecisionTable.Cell c = line.cell(comparison, cores);
                    md.append(' ').append(c == null ? "—" : "**" + cell(c.models()) + "** — " + cell(c.speedup()
                            + " — " + c.why() + (c.note().isEmpty() ? "" : " — " + c.note()))).append(" |");
                }
                md.append('\n');
            }
        }
    }

    private static String mainRowsAre(SpeedupTable table) {
        Integer maxCores = table.rows().stream().filter(r -> r.model() != null).map(Row::cores)
                .filter(Objects::nonNull).max(Integer::compare).orElse(null);
        return maxCores == null ? "the suite's results" : "the suite's results at " + Findings.cores(maxCores);
    }

    private static List<Row> mainRows(SpeedupTable table) {
        List<Row> suite = table.rows().stream().filter(r -> r.model() != null).toList();
        if (suite.isEmpty()) {
            return table.rows();
        }
        Integer maxCores = suite.stream().map(Row::cores).filter(Objects::nonNull).max(Integer::compare).orElse(null);
        List<Row> main = new ArrayList<>(suite.stream().filter(r -> Objects.equals(r.cores(), maxCores)).toList());
        main.sort(Comparator.comparing(Row::input).thenComparing(Row::workload)
                .thenComparing(r -> r.workloadParams().toString())
                .thenComparing(r -> r.parallelism() == null ? 0 : r.parallelism())
                .thenComparingDouble(r -> r.metric().score()));
        return main;
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
