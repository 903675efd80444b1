package parbench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import parbench.report.analysis.SpeedupTable;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;
import parbench.report.markdown.MarkdownSummary;
import parbench.report.run.RunInput;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Another project's JMH file, in {@code ns/op} and {@code ops/us}, keeps those units on the page and in the summary
 * (the report works in ms/op and ops/s inside, and autoscales for display with {@code jmh.ScoreScale}).
 */
class UnitsOnThePageTest {

    private static final String FILE = "handwritten-third-party-ns-and-ops-per-us.json";

    private static JsonNode pageRows() throws Exception {
        String html = new HtmlReport().render("t", List.of(RunInput.load(Fixtures.jmh(FILE))));
        int start = html.indexOf("id=\"report-data\">") + "id=\"report-data\">".length();
        return new ObjectMapper().readTree(html.substring(start, html.indexOf("</script>", start))).get("rows");
    }

    @Test
    void nanosecondsPerOperationStayNanoseconds() throws Exception {
        JsonNode hash = pageRows().get(0);

        assertThat(hash.get("unit").asText()).isEqualTo("ns/op");
        assertThat(hash.get("score").asDouble()).isCloseTo(15.2, within(1e-9));
        assertThat(hash.get("lo").asDouble()).isCloseTo(14.8, within(1e-9));
    }

    @Test
    void operationsPerMicrosecondStayOperationsPerMicrosecond() throws Exception {
        JsonNode offer = pageRows().get(1);

        assertThat(offer.get("unit").asText()).isEqualTo("ops/us");
        assertThat(offer.get("score").asDouble()).isCloseTo(22.77, within(1e-9));
    }

    @Test
    void theSummaryShowsTheSameUnits() throws BadInputException {
        String md = MarkdownSummary.render("t", SpeedupTable.of(List.of(RunInput.load(Fixtures.jmh(FILE)))));

        assertThat(md).contains("| MurmurBenchmark.hash | length=16 | — | 15.20 ± 0.4000 | ns/op |")
                .contains("| OfferBenchmark.offer | capacity=1024 | — | 22.77 ± 1.210 | ops/us |")
                .contains("Every result (2).");
    }
}
