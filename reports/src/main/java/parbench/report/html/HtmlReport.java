package parbench.report.html;

import io.pebbletemplates.pebble.template.PebbleTemplate;
import parbench.report.analysis.DecisionTable;
import parbench.report.analysis.Finding;
import parbench.report.analysis.Findings;
import parbench.report.analysis.PythonVsJvm;
import parbench.report.analysis.ScalingCurve;
import parbench.report.analysis.SpeedupTable;
import parbench.report.analysis.Warnings;
import parbench.report.run.RunInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one self-contained HTML page from a {@link SpeedupTable}: Pebble template with autoescaping for every
 * input string, ECharts and the page's script inlined, the data as escaped JSON in a
 * {@code <script type="application/json">} block. The page makes no network request.
 *
 * <p>Thread-safe: the template is compiled once; each {@link #render} call has its own context.
 */
public final class HtmlReport {

    private final PebbleTemplate template;
    private final ChartLibrary charts;
    private final String css;
    private final String script;

    public HtmlReport() {
        this.template = PageResources.template("report.peb");
        this.charts = ChartLibrary.load();
        this.css = PageResources.text("report.css");
        this.script = ChartLibrary.safeInScript(PageResources.text("report.js"));
    }

    /** Renders the page for {@code table} to {@code out}. */
    public void render(String title, SpeedupTable table, Writer out) throws IOException {
        List<Finding> findings = Findings.of(table);
        List<String> warnings = Warnings.of(table);
        Map<String, Object> context = new HashMap<>();
        context.put("title", title);
        context.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("environments", table.inputs().stream().map(Environment::of).toList());
        context.put("inputCount", table.inputs().size());
        context.put("resultCount", table.rows().size());
        DecisionTable decision = DecisionTable.of(table);
        context.put("decision", decision);
        context.put("decisionRows", DecisionRow.of(decision));
        context.put("scaling", ScalingCurve.of(table));
        context.put("findings", findings);
        context.put("pythonVsJvm", PythonVsJvm.of(table));
        context.put("warnings", warnings);
        context.put("echartsVersion", charts.version());
        context.put("echarts", charts.script());
        context.put("css", css);
        context.put("script", script);
        context.put("data", PageData.json(title, table));
        template.evaluate(out, context);
    }

    /** Renders to a string; for tests and for small inputs. */
    public String render(String title, List<RunInput> inputs) {
        StringWriter out = new StringWriter();
        try {
            render(title, SpeedupTable.of(inputs), out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the report", e);
        }
        return out.toString();
    }

}
