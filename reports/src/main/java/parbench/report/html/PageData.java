package parbench.report.html;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parbench.report.analysis.Row;
import parbench.report.analysis.SpeedupTable;
import parbench.report.jmh.Metric;
import parbench.report.jmh.ScoreScale;
import parbench.report.run.RunInput;
import parbench.report.run.TopologyMark;

import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The data the page's script draws from, as JSON safe to embed in {@code <script type="application/json">}:
 * {@code <}, {@code >}, {@code &} and every non-ASCII character (U+2028, U+2029 among them) are written as
 * {@code \}{@code uXXXX}, so no input string can close the element or break the script.
 * Non-finite numbers are written as JMH writes them: {@code "NaN"}, {@code "+INF"}, {@code "-INF"}.
 *
 * <p>It carries the model vocabulary ({@code models}: family, panel, whether concurrency follows {@code p}, Python,
 * label), so the script names no model itself; each row's scores in the unit autoscaled for its benchmark
 * ({@link ScoreScale}); speedup and efficiency with their intervals ({@code slo}/{@code shi}, {@code elo}/{@code ehi}),
 * tasks in flight, the baseline's note and {@code beyond} for an efficiency above the ideal beyond its interval.
 * Each input carries its {@link TopologyMark}s ({@code marks}: kind, the core count it starts at, the chart's label),
 * absent where its manifest records no topology.
 */
public final class PageData {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private PageData() {
    }

    public static String json(String title, SpeedupTable table) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("title", title);
        ArrayNode inputs = root.putArray("inputs");
        for (RunInput input : table.inputs()) {
            ObjectNode entry = inputs.addObject().put("label", input.label()).put("source", input.source().toString());
            List<TopologyMark> marks = TopologyMark.of(input.manifest());
            if (!marks.isEmpty()) {
                ArrayNode drawn = entry.putArray("marks");
                marks.forEach(mark -> drawn.addObject().put("kind", mark.kind().id()).put("from", mark.fromCores())
                        .put("label", mark.chartLabel()));
            }
        }
        ObjectNode models = root.putObject("models");
        table.rows().stream().map(Row::modelInfo).filter(java.util.Objects::nonNull).distinct()
                .forEach(m -> models.putObject(m.name()).put("family", m.family().name()).put("panel", m.panel())
                        .put("followsP", m.followsParallelism()).put("python", m.python()).put("label", m.label())
                        .put("baseline", m.isBaseline()));
        Map<String, ScoreScale> scales = new HashMap<>();
        table.rows().stream().collect(Collectors.groupingBy(PageData::scaleGroup)).forEach((group, members) ->
                scales.put(group, ScoreScale.of(members.getFirst().metric().unit(),
                        members.stream().mapToDouble(r -> r.metric().score()).toArray())));
        ArrayNode rows = root.putArray("rows");
        for (Row row : table.rows()) {
            rows.add(row(f, row, scales.get(scaleGroup(row))));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("writing the report's data as JSON", e);
        }
    }

    /** Scores that share a chart or a table column share a unit: one per benchmark, mode and unit. */
    private static String scaleGroup(Row row) {
        return row.result().benchmark() + "|" + row.result().mode() + "|" + row.metric().unit();
    }

    private static ObjectNode row(JsonNodeFactory f, Row row, ScoreScale scale) {
        ObjectNode o = f.objectNode();
        Metric m = row.metric();
        o.put("i", row.input());
        if (row.cores() != null) {
            o.put("cores", row.cores());
        }
        o.put("py", row.python());
        o.put("bench", row.result().benchmark());
        o.put("wl", row.workload());
        o.put("kind", row.kind().name());
        if (row.model() != null) {
            o.put("model", row.model());
        }
        if (row.parallelism() != null) {
            o.put("par", row.parallelism());
        }
        o.put("mode", row.result().mode());
        ObjectNode params = o.putObject("params");
        row.result().params().forEach(params::put);
        o.set("score", number(f, scale.apply(m.score())));
        o.set("err", number(f, scale.apply(m.scoreError())));
        o.set("lo", number(f, scale.apply(m.confidenceLow())));
        o.set("hi", number(f, scale.apply(m.confidenceHigh())));
        o.put("unit", scale.unit());
        if (row.inFlight() != null) {
            o.put("inflight", row.inFlight());
        }
        o.put("n", m.sampleCount());
        o.put("it", m.iterationCount());
        ArrayNode secondaries = o.putArray("sec");
        row.result().secondaryMetrics().forEach((name, metric) -> secondaries.addArray()
                .add(name).add(number(f, metric.score())).add(number(f, metric.scoreError())).add(metric.unit()));
        if (row.speedup() != null) {
            o.set("speedup", number(f, row.speedup()));
        }
        if (row.speedupInterval() != null) {
            o.set("slo", number(f, row.speedupInterval().low()));
            o.set("shi", number(f, row.speedupInterval().high()));
        }
        if (row.baselineNote() != null) {
            o.put("note", row.baselineNote());
        }
        if (row.efficiencyInterval() != null) {
            o.set("elo", number(f, row.efficiencyInterval().low()));
            o.set("ehi", number(f, row.efficiencyInterval().high()));
        }
        if (row.beyondIdeal()) {
            o.put("beyond", true);
        }
        if (row.idealMillis() != null) {
            o.set("ideal", number(f, row.idealMillis()));
        }
        if (row.efficiency() != null) {
            o.set("eff", number(f, row.efficiency()));
        }
        return o;
    }

    private static JsonNode number(JsonNodeFactory f, double value) {
        if (Double.isNaN(value)) {
            return f.textNode("NaN");
        }
        if (Double.isInfinite(value)) {
            return f.textNode(value > 0 ? "+INF" : "-INF");
        }
        return f.numberNode(value);
    }
}
