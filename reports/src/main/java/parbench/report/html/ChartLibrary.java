package parbench.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * ECharts, read from its WebJar on the class path so the page carries it inline and opens offline. The WebJar's
 * version comes from its own {@code pom.properties}, so upgrading is a change to the parent pom only.
 */
public final class ChartLibrary {

    private static final String POM = "/META-INF/maven/org.webjars/echarts/pom.properties";

    private final String version;
    private final String script;

    private ChartLibrary(String version, String script) {
        this.version = version;
        this.script = script;
    }

    /** Loads ECharts from the class path; a missing WebJar is a packaging bug, reported as such. */
    public static ChartLibrary load() {
        Properties pom = new Properties();
        try (InputStream in = ChartLibrary.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts WebJar is not on the class path (" + POM + " missing)");
            }
            pom.load(in);
            String version = pom.getProperty("version");
            String path = "/META-INF/resources/webjars/echarts/" + version + "/echarts.min.js";
            try (InputStream js = ChartLibrary.class.getResourceAsStream(path)) {
                if (js == null) {
                    throw new IllegalStateException("the ECharts WebJar has no " + path);
                }
                return new ChartLibrary(version, safeInScript(new String(js.readAllBytes(), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the ECharts WebJar", e);
        }
    }

    public String version() {
        return version;
    }

    /** The minified library, made unable to close the {@code <script>} element that holds it. */
    public String script() {
        return script;
    }

    static String safeInScript(String js) {
        String lower = js.toLowerCase(Locale.ROOT);
        if (!lower.contains("</script") && !lower.contains("<!--")) {
            return js;
        }
        return js.replaceAll("(?i)</script", "<\\\\/script").replace("<!--", "<\\!--");
    }
}
