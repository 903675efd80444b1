package parbench.report.html;

import org.junit.jupiter.api.Test;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;
import parbench.report.run.RunInput;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    private final HtmlReport report = new HtmlReport();

    @Test
    void hostileNamesCannotCloseTheScriptBlockOrAddElements() throws BadInputException {
        String html = report.render("t", List.of(RunInput.load(Fixtures.jmh("handwritten-hostile-names.json"))));
        String ours = html.replace(ChartLibrary.load().script(), ""); // ECharts' own code builds an <img> for export
        String data = ours.substring(ours.indexOf("id=\"report-data\">"), ours.indexOf("</script>"));

        assertThat(Pattern.compile("(?i)</script").matcher(html).results().count())
                .as("only the page's own three script elements close").isEqualTo(3);
        assertThat(ours).doesNotContain("<img").doesNotContain("<b>bold</b>").doesNotContain("<i>u</i>");
        assertThat(data).doesNotContain("\u2028").contains("\\u2028");
        assertThat(html).contains("-Dx=&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
        assertThat(html).contains("evil.\\u003C/script\\u003E\\u003Cimg src=x onerror=alert(1)\\u003E.run");
    }

    @Test
    void pageReferencesNothingOnTheNetwork() throws BadInputException {
        String html = report.render("t", List.of(RunInput.load(Fixtures.jmh("real-jmh-1.37-sample.json"))));

        assertThat(html).doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)<link[^>]+href=")
                .doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?https?:");
        assertThat(html).contains("<script>" + ChartLibrary.load().script() + "</script>");
    }

    @Test
    void titleIsEscaped() throws BadInputException {
        String html = report.render("<b>x</b> & y", List.of(RunInput.load(Fixtures.jmh("real-jmh-1.37-ss.json"))));

        assertThat(html).contains("<title>&lt;b&gt;x&lt;/b&gt; &amp; y</title>");
    }
}
