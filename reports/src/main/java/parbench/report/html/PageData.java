package parbench.report.html;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
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
import parbench.report.run.RunInput;

import java.io.UncheckedIOException;

/**
 * The data the page's script draws from, as JSON safe to embed in {@code <script type="application/json">}:
 * {@code <}, {@code >}, {@code &} and every non-ASCII character (U+2028, U+2029 among them) are written as
 * {@code \}{@code uXXXX}, so no input string can close the element or break the script.
 * Non-finite numbers are written as JMH writes them: {@code "NaN"}, {@code "+INF"}, {@code "-INF"}.
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
            inputs.addObject().put("label", input.label()).put("source", input.source().toString());
        }
        ArrayNode rows = root.putArray("rows");
        for (Row row : table.rows()) {
            rows.add(row(f, row));
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("writing the report's data as JSON", e);
        }
    }

    private static ObjectNode row(JsonNodeFactory f, Row row) {
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
        o.set("score", number(f, m.score()));
        o.set("err", number(f, m.scoreError()));
        o.set("lo", number(f, m.confidenceLow()));
        o.set("hi", number(f, m.confidenceHigh()));
        o.put("unit", m.unit());
        o.put("n", m.sampleCount());
        o.put("it", m.iterationCount());
        ArrayNode secondaries = o.putArray("sec");
        row.result().secondaryMetrics().forEach((name, metric) -> secondaries.addArray()
                .add(name).add(number(f, metric.score())).add(number(f, metric.scoreError())).add(metric.unit()));
        if (row.speedup() != null) {
            o.set("speedup", number(f, row.speedup()));
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

    /** Jackson's standard escapes plus {@code <}, {@code >}, {@code &}. */
    private static final class HtmlSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        HtmlSafeEscapes() {
            escapes = standardAsciiEscapesForJSON();
            escapes['<'] = ESCAPE_STANDARD;
            escapes['>'] = ESCAPE_STANDARD;
            escapes['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

}
