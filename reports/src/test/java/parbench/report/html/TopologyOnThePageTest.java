package parbench.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import parbench.report.analysis.SpeedupTable;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;
import parbench.report.markdown.MarkdownSummary;
import parbench.report.run.RunInput;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest's topology reaches the page: {@link PageData} carries each input's marks for the charts, the
 * environment and summary.md state them in one line, and inputs without a topology carry none.
 */
class TopologyOnThePageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode pageData(String... inputs) throws BadInputException, IOException {
        var loaded = new java.util.ArrayList<RunInput>();
        for (String input : inputs) {
            loaded.add(RunInput.load(input.endsWith(".json") ? Fixtures.jmh(input) : Fixtures.run(input)));
        }
        return JSON.readTree(PageData.json("t", SpeedupTable.of(loaded)));
    }

    @Test
    void pageDataCarriesTheSmtMarkOfTheInputWhoseManifestRecordsIt() throws Exception {
        JsonNode data = pageData("smt-topology", "python-and-jvm");

        JsonNode marks = data.at("/inputs/0/marks");
        assertThat(marks).hasSize(1);
        assertThat(marks.get(0).get("kind").asText()).isEqualTo("smt");
        assertThat(marks.get(0).get("from").asInt()).isEqualTo(2);
        assertThat(marks.get(0).get("label").asText()).isEqualTo("SMT siblings from here");
        assertThat(data.at("/inputs/1").has("marks")).as("the same run without a topology").isFalse();
    }

    @Test
    void plainJmhJsonCarriesNoMarks() throws Exception {
        JsonNode data = pageData("real-jmh-1.37-avgt.json");

        assertThat(data.at("/inputs/0").has("marks")).isFalse();
    }

    @Test
    void environmentStatesTheTopologyAndEachCoreCountsCores() throws BadInputException {
        Environment env = Environment.of(RunInput.load(Fixtures.run("smt-topology")));

        assertThat(env.facts()).contains(new Environment.Fact("Topology",
                "sysfs: 1 physical core in 1 package, CPUs in the order 0,1 — core counts ≥ 2 share physical cores (SMT)"));
        assertThat(env.coreCounts().get(1).value()).contains("on 1 physical core, 1 package, SMT siblings");
        assertThat(env.coreCounts().get(0).value()).contains("on 1 physical core, 1 package)");
    }

    @Test
    void environmentOfAnOlderManifestHasNoTopologyLine() throws BadInputException {
        Environment env = Environment.of(RunInput.load(Fixtures.run("python-and-jvm")));

        assertThat(env.facts()).extracting(Environment.Fact::name).doesNotContain("Topology");
        assertThat(env.coreCounts().get(1).value()).doesNotContain("physical");
    }

    @Test
    void summaryNotesTheTopologyUnderItsInput() throws BadInputException {
        String md = MarkdownSummary.render("t", SpeedupTable.of(List.of(RunInput.load(Fixtures.run("smt-topology")),
                RunInput.load(Fixtures.run("python-and-jvm")))));

        assertThat(md).containsOnlyOnce("  - Topology: core counts ≥ 2 share physical cores (SMT).\n");
        assertThat(md.indexOf("  - Topology:")).isLessThan(md.indexOf("- Input: ", md.indexOf("- Input: ") + 1));
    }
}
