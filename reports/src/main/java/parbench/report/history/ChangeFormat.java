package parbench.report.history;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How {@code history changes} writes the change points: a text table, or JSON
 * {@code {"changePoints":[{"benchmark", "mode", "params", "cores", "testbed", "commit", "time", "index", "before",
 * "after", "ratio", "p", ...}]}} (plus {@code python}, {@code unit}, {@code low}, {@code high}, {@code run}).
 * Non-finite numbers are written as {@code null}.
 */
public enum ChangeFormat {
    TEXT("text") {
        @Override
        public void write(List<ChangePoint> changes, int seriesCount, Writer out) throws IOException {
            out.write(changes.size() + " change point" + (changes.size() == 1 ? "" : "s") + " in " + seriesCount
                    + " series (E-divisive means, p < " + EDivisive.DEFAULT.alpha() + ", segments of at least "
                    + EDivisive.DEFAULT.minSegment() + " runs)\n");
            for (ChangePoint c : changes) {
                out.write(String.format(Locale.ROOT, "%s  %s  at run %d  commit %s  %s  %s -> %s %s  %+.1f%% [%+.1f%%, %+.1f%%]  p=%.3g%n",
                        c.series().testbedName(), c.series().display() + (c.series().python() ? " (python)" : ""),
                        c.index(), c.commit() == null ? "unknown" : shortCommit(c.commit()), c.time(),
                        number(c.before()), number(c.after()), c.series().unit(), (c.ratio() - 1) * 100,
                        (c.low() - 1) * 100, (c.high() - 1) * 100, c.p()));
            }
        }
    },
    JSON("json") {
        @Override
        public void write(List<ChangePoint> changes, int seriesCount, Writer out) throws IOException {
            try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeNumberField("series", seriesCount);
                json.writeArrayFieldStart("changePoints");
                for (ChangePoint c : changes) {
                    json.writeStartObject();
                    json.writeStringField("benchmark", c.series().benchmark());
                    json.writeStringField("mode", c.series().mode());
                    json.writeObjectFieldStart("params");
                    for (var e : c.series().params().entrySet()) {
                        json.writeStringField(e.getKey(), e.getValue());
                    }
                    json.writeEndObject();
                    if (c.series().cores() == null) {
                        json.writeNullField("cores");
                    } else {
                        json.writeNumberField("cores", c.series().cores());
                    }
                    json.writeBooleanField("python", c.series().python());
                    json.writeStringField("testbed", c.series().testbedName());
                    json.writeStringField("commit", c.commit());
                    json.writeStringField("run", c.runId());
                    json.writeStringField("time", c.time().toString());
                    json.writeNumberField("index", c.index());
                    json.writeStringField("unit", c.series().unit());
                    finite(json, "before", c.before());
                    finite(json, "after", c.after());
                    finite(json, "ratio", c.ratio());
                    finite(json, "low", c.low());
                    finite(json, "high", c.high());
                    finite(json, "p", c.p());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            out.write('\n');
        }
    };

    private final String label;

    ChangeFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Writes {@code changes}, found in {@code seriesCount} series, to {@code out}. */
    public abstract void write(List<ChangePoint> changes, int seriesCount, Writer out) throws IOException;

    /** Parses {@code text} or {@code json}; the error names the bad value. */
    public static ChangeFormat parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.label.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown format '" + text + "', expected one of "
                        + Arrays.stream(values()).map(ChangeFormat::label).collect(Collectors.joining(", "))));
    }

    static String shortCommit(String commit) {
        return commit.length() > 10 ? commit.substring(0, 10) : commit;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static void finite(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }
}
