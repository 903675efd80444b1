package parbench.report.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import parbench.report.html.ChartLibrary;
import parbench.report.html.HtmlSafeEscapes;
import parbench.report.html.PageResources;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The history page: one self-contained HTML file in the report's look (its stylesheet, ECharts inlined, no network).
 * Per series, the run medians over time with the runs' interval as a band and the change points marked with their
 * commit; across testbeds, the speedup and efficiency trends of each benchmark; a table of every change point.
 *
 * <p>The data goes in as JSON inside {@code <script type="application/json">}, every {@code <}, {@code >},
 * {@code &} and non-ASCII character escaped, so no stored string can close the element. Thread-safe: the template is
 * compiled once; each {@link #render} has its own context.
 */
public final class HistoryPage {

    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    static {
        JSON.setCharacterEscapes(new HtmlSafeEscapes());
    }

    private final PebbleTemplate template;
    private final ChartLibrary charts;
    private final String css;
    private final String script;

    public HistoryPage() {
        this.template = PageResources.template("history.peb");
        this.charts = ChartLibrary.load();
        this.css = PageResources.text("report.css") + PageResources.text("history.css");
        this.script = PageResources.text("history.js").replaceAll("(?i)</script", "<\\\\/script");
    }

    /** One line of the change-point table. */
    public record ChangeLine(String testbed, String series, String commit, String time, int index, String before,
                             String after, String change, String interval, String p, String direction) {
    }

    /** Renders the page for {@code series} and their {@code changes} to {@code out}. */
    public void render(String title, List<Series> series, List<ChangePoint> changes, Writer out) throws IOException {
        Set<String> testbeds = new LinkedHashSet<>();
        series.forEach(s -> testbeds.add(s.key().testbedName()));
        long runs = series.stream().flatMap(s -> s.points().stream()).map(SeriesPoint::runId).distinct().count();
        Map<String, Object> context = new HashMap<>();
        context.put("title", title);
        context.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        context.put("seriesCount", series.size());
        context.put("runCount", runs);
        context.put("testbeds", List.copyOf(testbeds));
        context.put("changes", changes.stream().map(HistoryPage::line).toList());
        context.put("echartsVersion", charts.version());
        context.put("echarts", charts.script());
        context.put("css", css);
        context.put("script", script);
        context.put("data", data(title, series, changes));
        template.evaluate(out, context);
    }

    private static ChangeLine line(ChangePoint c) {
        return new ChangeLine(c.series().testbedName(),
                c.series().display() + (c.series().python() ? " (python)" : ""),
                c.commit() == null ? "unknown" : ChangeFormat.shortCommit(c.commit()), c.time().toString(), c.index(),
                format(c.before()) + " " + c.series().unit(), format(c.after()) + " " + c.series().unit(),
                percent(c.ratio()), "[" + percent(c.low()) + ", " + percent(c.high()) + "]",
                String.format(Locale.ROOT, "%.3g", c.p()), c.ratio() > 1 ? "up" : "down");
    }

    private static String data(String title, List<Series> series, List<ChangePoint> changes) throws IOException {
        Map<Series, List<ChangePoint>> byKey = new IdentityHashMap<>();
        Map<SeriesKey, Series> seriesOf = new HashMap<>();
        series.forEach(s -> seriesOf.put(s.key(), s));
        for (ChangePoint c : changes) {
            Series s = seriesOf.get(c.series());
            if (s != null) {
                byKey.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
            }
        }
        // across testbeds: one group per series key without the testbed
        Map<String, List<Series>> groups = new LinkedHashMap<>();
        for (Series s : series) {
            if (s.points().stream().anyMatch(p -> Double.isFinite(p.speedup()) || Double.isFinite(p.efficiency()))) {
                groups.computeIfAbsent(s.key().display() + (s.key().python() ? " (python)" : ""),
                        k -> new ArrayList<>()).add(s);
            }
        }
        // every series holds a point of each run: a run's time and commit are formatted once, not once per point
        Map<Instant, String> times = new HashMap<>();
        Map<String, String> commits = new HashMap<>();
        java.util.function.Function<SeriesPoint, String> time = p -> times.computeIfAbsent(p.time(), Instant::toString);
        java.util.function.Function<SeriesPoint, String> commit = p -> p.commit() == null ? ""
                : commits.computeIfAbsent(p.commit(), ChangeFormat::shortCommit);
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("title", title);
            json.writeArrayFieldStart("series");
            for (Series s : series) {
                json.writeStartObject();
                json.writeStringField("testbed", s.key().testbedName());
                json.writeStringField("name", s.key().display() + (s.key().python() ? " (python)" : ""));
                json.writeStringField("unit", s.key().unit());
                json.writeArrayFieldStart("points");
                for (SeriesPoint p : s.points()) {
                    json.writeStartArray();
                    json.writeString(time.apply(p));
                    number(json, p.value());
                    number(json, p.low());
                    number(json, p.high());
                    json.writeString(commit.apply(p));
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeArrayFieldStart("changes");
                for (ChangePoint c : byKey.getOrDefault(s, List.of())) {
                    json.writeStartArray();
                    json.writeNumber(c.index());
                    number(json, c.ratio());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("across");
            for (var group : groups.entrySet()) {
                json.writeStartObject();
                json.writeStringField("name", group.getKey());
                json.writeArrayFieldStart("testbeds");
                for (Series s : group.getValue()) {
                    json.writeStartObject();
                    json.writeStringField("testbed", s.key().testbedName());
                    json.writeArrayFieldStart("points");
                    for (SeriesPoint p : s.points()) {
                        json.writeStartArray();
                        json.writeString(time.apply(p));
                        number(json, p.speedup());
                        number(json, p.efficiency());
                        json.writeString(commit.apply(p));
                        json.writeEndArray();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return text.toString();
    }

    private static void number(JsonGenerator json, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumber(value);
        } else {
            json.writeNull();
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }
}
