package parbench.report.compare;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.Optional;

/**
 * The comparison for machines. {@code mode} and {@code modeReason} are the first fields; then the warnings, the
 * {@code evidence} lines, the settings, the
 * counts, {@code regression} (what the exit code says) and one object per row. Ratios are candidate / baseline;
 * {@code changePercent} is {@code (ratio − 1) × 100}; absent sides and changes are {@code null}; non-finite numbers
 * are the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (Jackson's encoding), never bare tokens.
 */
public final class JsonComparison implements ComparisonRenderer {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void render(RunComparison comparison, Writer out) throws IOException {
        try (JsonGenerator json = MAPPER.writerWithDefaultPrettyPrinter().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("mode", comparison.mode().mode().label());
            json.writeStringField("modeReason", comparison.mode().reason());
            json.writeArrayFieldStart("warnings");
            for (String w : comparison.warnings()) {
                json.writeString(w);
            }
            json.writeEndArray();
            strings(json, "evidence", comparison.evidenceLines());
            json.writeNumberField("alpha", comparison.alpha());
            json.writeNumberField("threshold", comparison.threshold().fallback());
            json.writeNumberField("thresholdRules", comparison.threshold().ruleCount());
            json.writeNumberField("runNoise", comparison.runNoise());
            json.writeNumberField("resamples", comparison.resamples());
            json.writeNumberField("pilotResamples", comparison.resampling().pilot());
            json.writeNumberField("fullyResampledRows", comparison.resampling().fullRows());
            strings(json, "baseline", comparison.baseline());
            strings(json, "candidate", comparison.candidate());
            json.writeBooleanField("regression", comparison.hasRegression());
            json.writeObjectFieldStart("counts");
            for (Map.Entry<Verdict, Long> e : comparison.counts().entrySet()) {
                json.writeNumberField(e.getKey().label(), e.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("results");
            for (ComparisonRow row : comparison.rows()) {
                row(json, row);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void row(JsonGenerator json, ComparisonRow row) throws IOException {
        ComparisonKey key = row.key();
        json.writeStartObject();
        json.writeStringField("benchmark", key.benchmark());
        json.writeStringField("mode", key.mode());
        json.writeObjectFieldStart("params");
        for (Map.Entry<String, String> p : key.params().entrySet()) {
            json.writeStringField(p.getKey(), p.getValue());
        }
        json.writeEndObject();
        if (key.cores() == null) {
            json.writeNullField("cores");
        } else {
            json.writeNumberField("cores", key.cores());
        }
        json.writeStringField("figure", key.figure());
        json.writeStringField("unit", key.unit());
        json.writeStringField("better", row.direction().better());
        side(json, "baseline", row.baseline());
        side(json, "candidate", row.candidate());
        Optional<Change> change = row.change();
        if (change.isPresent()) {
            Change c = change.get();
            json.writeObjectFieldStart("change");
            json.writeNumberField("ratio", c.ratio());
            json.writeNumberField("ciLow", c.low());
            json.writeNumberField("ciHigh", c.high());
            json.writeNumberField("changePercent", c.percent());
            json.writeNumberField("p", c.p());
            json.writeStringField("evidence", c.evidence().label());
            json.writeEndObject();
        } else {
            json.writeNullField("change");
        }
        json.writeNumberField("threshold", row.threshold());
        json.writeStringField("verdict", row.verdict().label());
        if (row.note().isPresent()) {
            json.writeStringField("note", row.note().get());
        }
        json.writeEndObject();
    }

    private static void side(JsonGenerator json, String name, Optional<SideSummary> side) throws IOException {
        if (side.isEmpty()) {
            json.writeNullField(name);
            return;
        }
        SideSummary s = side.get();
        json.writeObjectFieldStart(name);
        json.writeNumberField("runs", s.runs());
        json.writeNumberField("forks", s.forks());
        json.writeNumberField("iterations", s.iterations());
        json.writeNumberField("value", s.value());
        json.writeNumberField("ciLow", s.low());
        json.writeNumberField("ciHigh", s.high());
        json.writeBooleanField("oneFork", s.oneFork());
        json.writeEndObject();
    }

    private static void strings(JsonGenerator json, String name, java.util.List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String v : values) {
            json.writeString(v);
        }
        json.writeEndArray();
    }
}
