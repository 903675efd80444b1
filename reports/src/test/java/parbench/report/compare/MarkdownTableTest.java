package parbench.report.compare;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.SyntheticComparison;
import parbench.report.fixture.SyntheticComparison.Spec;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTableTest {

    private static final Path PAIR = Path.of("src", "test", "resources", "compare", "rerun-pair");

    @TempDir
    Path dir;

    @Test
    void theRealRerunPairShowsEveryRowThatMattersUnfoldedAndFoldsTheRestWithItsCount() throws Exception {
        // GIVEN the real rerun pair compared without a run-to-run allowance: changes in both directions
        RunComparison comparison = RunComparison.of(List.of(RunInput.load(PAIR.resolve("run-1"))),
                List.of(RunInput.load(PAIR.resolve("run-2"))), HardwareMode.SAME_HARDWARE, 0.01,
                Thresholds.uniform(0.05), 0, Bootstrap.standard());
        long matter = comparison.rows().stream().filter(r -> MarkdownTable.matters(r.verdict())).count();
        assertThat(matter).isPositive();
        assertThat(comparison.counts().get(Verdict.UNCHANGED)).isPositive();

        // WHEN rendered as Markdown
        Lines lines = Lines.of(render(comparison));

        // THEN every row is listed once, those that matter outside any <details>, the others inside one
        assertThat(lines.unfoldedRows()).hasSize((int) matter)
                .allSatisfy(row -> assertThat(row).containsPattern("\\*\\*regressed\\*\\*|improved|insufficient"));
        assertThat(lines.foldedRows()).hasSize(comparison.rows().size() - (int) matter)
                .allSatisfy(row -> assertThat(row).containsPattern("\\| (unchanged|added|removed) \\|$"));
        // one section per benchmark that has a row that matters, its params as columns
        long groupsThatMatter = ComparisonGroup.of(comparison.rows()).stream()
                .filter(g -> g.rows().stream().anyMatch(r -> MarkdownTable.matters(r.verdict()))).count();
        assertThat(lines.all().stream().filter(l -> l.startsWith("### "))).hasSize((int) groupsThatMatter);
        assertThat(lines.all()).anyMatch(l -> l.startsWith("| model | parallelism |") && l.contains("| cores |"));
        assertThat(lines.all()).anyMatch(l -> l.matches("<details><summary>\\d+ unchanged</summary>"));
    }

    @Test
    void twoHundredAddedRowsAreFoldedBehindTheirCount() throws Exception {
        // GIVEN a candidate with 200 benchmarks the baseline does not have
        RunComparison comparison = compare(10, 210);

        String markdown = render(comparison);
        Lines lines = Lines.of(markdown);

        // THEN none of them is unfolded, all are listed folded, and the summary line counts them
        assertThat(lines.unfoldedRows()).isEmpty();
        assertThat(lines.foldedRows()).hasSize(210);
        assertThat(lines.foldedRows().stream().filter(r -> r.endsWith("| added |"))).hasSize(200);
        assertThat(markdown).contains("<details><summary>210 benchmarks with nothing that matters: 10 unchanged,"
                + " 200 added</summary>").doesNotContain("not listed");
    }

    @Test
    void foldedRowsPastTheLimitAreCountedAndPointedToNeverDroppedSilently() throws Exception {
        RunComparison comparison = compare(1, MarkdownTable.MAX_FOLDED + 101);

        String markdown = render(comparison);

        assertThat(Lines.of(markdown).foldedRows()).hasSize(MarkdownTable.MAX_FOLDED);
        assertThat(markdown).contains("… 101 folded rows of 101 benchmarks not listed here (at most 500 folded rows"
                + " are); `--format text` or `--format json` lists every row");
    }

    @Test
    void aRegressionIsUnfoldedWithItsGeomeanAndItsBenchmarksOtherRowsFolded() throws Exception {
        // GIVEN one benchmark at five sizes, size 0 half again slower in the candidate
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        SyntheticComparison.write(b, sizes(1.0, new Random(1)));
        SyntheticComparison.write(c, sizes(1.5, new Random(2)));
        RunComparison comparison = RunComparison.of(List.of(RunInput.load(b)), List.of(RunInput.load(c)),
                HardwareMode.AUTO, 0.01, Thresholds.uniform(0.05), 0, Bootstrap.standard());

        String markdown = render(comparison);
        Lines lines = Lines.of(markdown);

        // THEN one section, the regression in it unfolded with size as a column, the geomean, the rest folded
        assertThat(lines.all()).containsSubsequence("### Bench.grow avgt (ms/op, lower is better)",
                "| size | baseline | n | candidate | n | change [CI] | p | verdict |");
        assertThat(lines.unfoldedRows()).singleElement().asString().startsWith("| 0 |").endsWith("| **regressed** |");
        assertThat(lines.all()).anyMatch(l -> l.matches("geomean: [0-9.]+ → [0-9.]+, \\+[78]\\.\\d+%"));
        assertThat(markdown).contains("<details><summary>4 unchanged</summary>");
        assertThat(lines.foldedRows()).hasSize(4);
    }

    /** {@code synthetic.Bench.grow} at sizes 0 to 4 (10 ms/op, 1 % noise), size 0 multiplied by {@code factor}. */
    private static ArrayNode sizes(double factor, Random random) {
        ArrayNode results = JsonMapper.builder().build().createArrayNode();
        for (int size = 0; size < 5; size++) {
            double[] values = new double[10];
            for (int i = 0; i < values.length; i++) {
                values[i] = 10 * (size == 0 ? factor : 1) * (1 + 0.01 * random.nextGaussian());
            }
            results.add(SyntheticComparison.result("synthetic.Bench.grow", "avgt", Map.of("size", String.valueOf(size)),
                    "ms/op", values));
        }
        return results;
    }

    @Test
    void theSameInputGivesByteIdenticalMarkdownAndText() throws Exception {
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        Spec spec = new Spec(400, "avgt", "ms/op", 1.0, 0.02, 10, 5);
        SyntheticComparison.write(b, spec);
        SyntheticComparison.write(c, spec.withSeed(6).withFactor(1.08));
        List<String> outputs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RunComparison comparison = RunComparison.of(List.of(RunInput.load(b)), List.of(RunInput.load(c)),
                    HardwareMode.AUTO, 0.01, Thresholds.uniform(0.05), 0.05, Bootstrap.standard());
            StringWriter text = new StringWriter();
            new TextTable().render(comparison, text);
            outputs.add(render(comparison) + text);
        }

        assertThat(outputs.get(1)).isEqualTo(outputs.get(0));
    }

    private RunComparison compare(int baselineCount, int candidateCount) throws Exception {
        Path b = dir.resolve("baseline.json");
        Path c = dir.resolve("candidate.json");
        SyntheticComparison.write(b, new Spec(baselineCount, "avgt", "ms/op", 1.0, 0.02, 10, 1));
        SyntheticComparison.write(c, new Spec(candidateCount, "avgt", "ms/op", 1.0, 0.02, 10, 2));
        return RunComparison.of(List.of(RunInput.load(b)), List.of(RunInput.load(c)), HardwareMode.AUTO, 0.01,
                Thresholds.uniform(0.05));
    }

    private static String render(RunComparison comparison) throws IOException {
        StringWriter out = new StringWriter();
        new MarkdownTable().render(comparison, out);
        return out.toString();
    }

    /** The table rows of a rendering, split by whether a {@code <details>} block holds them. */
    private record Lines(List<String> all, List<String> unfoldedRows, List<String> foldedRows) {
        static Lines of(String markdown) {
            List<String> all = markdown.lines().toList();
            List<String> unfolded = new ArrayList<>();
            List<String> folded = new ArrayList<>();
            int depth = 0;
            for (String line : all) {
                if (line.startsWith("<details>")) {
                    depth++;
                } else if (line.startsWith("</details>")) {
                    depth--;
                } else if (line.startsWith("|") && line.matches(".*\\| (\\*\\*regressed\\*\\*|improved|unchanged"
                        + "|insufficient data.*|added|removed) \\|$")) {
                    (depth > 0 ? folded : unfolded).add(line);
                }
            }
            return new Lines(all, unfolded, folded);
        }
    }
}
