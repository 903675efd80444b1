package parbench.report.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.html.HtmlReport;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;
import parbench.report.markdown.MarkdownSummary;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python side in the report, on a real run directory: {@code src/test/resources/run/python-and-jvm/}, written
 * once by {@code scripts/parbench run --with-python} (its README.md gives the command and date). Expected numbers are
 * computed here from the raw JSON files, never copied from the page.
 */
class PythonVsJvmTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPU = "parbench.bench.CpuBenchmark.batch";

    @TempDir
    Path temp;

    static Path fixture() {
        return Fixtures.run("python-and-jvm");
    }

    @Test
    void pythonFilesAreResultsOfTheirCoreCount() throws BadInputException {
        // WHEN the run directory is read
        RunInput input = RunInput.load(fixture());

        // THEN each python-cores-<c>.json is a Python set of core count c holding only py- models
        List<ResultSet> python = input.sets().stream().filter(ResultSet::python).toList();
        assertThat(python).extracting(s -> s.cores().getAsInt()).containsExactly(1, 2);
        assertThat(python).allSatisfy(set -> assertThat(set.results()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.param("model")).hasValueSatisfying(m -> assertThat(m).startsWith("py-"))));
        assertThat(input.sets().stream().filter(s -> !s.python())).extracting(s -> s.cores().getAsInt())
                .containsExactly(1, 2);
        assertThat(input.manifest()).hasValueSatisfying(m -> {
            assertThat(m.python().implementation()).isEqualTo("CPython");
            assertThat(m.python().coreCounts()).extracting(c -> c.status()).containsOnly("ok");
        });
    }

    @Test
    void pythonSpeedupDividesByPySequential() throws Exception {
        // GIVEN the raw py-sequential and py-thread-pool scores of the CPU workload at 2 cores
        JsonNode sequential = only(raw(fixture(), 2), CPU, "py-sequential");
        JsonNode pool = only(raw(fixture(), 2), CPU, "py-thread-pool", "2");

        // WHEN the table is built
        Row row = SpeedupTable.of(List.of(RunInput.load(fixture()))).rows().stream()
                .filter(r -> r.python() && "py-thread-pool".equals(r.model()) && r.cores() == 2
                        && r.workload().startsWith("CpuBenchmark") && r.parallelism() == 2)
                .findFirst().orElseThrow();

        // THEN its speedup is py-sequential's time over its own, not the JVM sequential's
        assertThat(row.speedup()).isCloseTo(score(sequential) / score(pool), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void gilFindingComparesEqualWorkSizesOnly() throws Exception {
        // GIVEN the fixture, whose Python CPU task ran work=50000 and the JVM's work=1000000
        // WHEN the findings are computed
        List<Finding> findings = PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(fixture()))));

        // THEN the GIL finding compares nothing and says why
        assertThat(findings).filteredOn(f -> f.question().contains("GIL")).singleElement()
                .satisfies(f -> assertThat(f.answer()).startsWith("Not compared: at 2 cores Python's CPU task ran "
                        + "work=50000 and the JVM's work=1000000"));
    }

    @Test
    void gilFindingQuotesTheBestPythonThreadSpeedupOfTheData() throws Exception {
        // GIVEN a copy where Python's CPU task is labelled with the JVM's work size, and the best Python thread
        // model running two or more threads on CPU work at 2 cores, from the raw file
        Path copy = copyOfFixture();
        rewrite(copy.resolve("python-cores-2.json"), r -> ((ObjectNode) r.get("params")).put("work", "1000000"));
        List<JsonNode> results = raw(copy, 2);
        double sequential = score(only(results, CPU, "py-sequential"));
        JsonNode best = null;
        for (JsonNode r : results) {
            boolean concurrent = !r.get("params").get("parallelism").asText().equals("1")
                    || model(r).equals("py-thread-per-task"); // a pool of one thread cannot test the GIL
            if (r.get("benchmark").asText().equals(CPU) && Model.of(model(r)).python()
                    && !Model.of(model(r)).isProcess() && !Model.of(model(r)).compiled() && !Model.of(model(r)).isBaseline() && concurrent
                    && (best == null || sequential / score(r) > sequential / score(best))) {
                best = r;
            }
        }
        String expected = String.format(Locale.ROOT,
                "Python (GIL state not recorded): the best Python thread model, %s, reaches %.2f×",
                Model.of(model(best)).label(), sequential / score(best));

        // WHEN the findings are computed
        List<Finding> findings = PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(copy))));

        // THEN the GIL finding names that model and its speedup under the interpreter it has (this run predates the
        // python param and the gil= record), and gives no verdict on one fork
        assertThat(findings).anySatisfy(f -> {
            assertThat(f.question()).contains("GIL");
            assertThat(f.answer()).startsWith("Threads on CPU work (work=1000000 on both sides) at 2 cores: ")
                    .contains(expected).contains("No verdict: not enough data for a finding (1 fork");
        });
    }

    @Test
    void changingAPythonScoreChangesTheFinding() throws Exception {
        // GIVEN a copy at equal work sizes, every result with a second fork (a copy of the first: enough data for a
        // verdict), where py-thread-pool at p=2 runs CPU work 10 times faster at 2 cores
        Path copy = copyOfFixture();
        for (String name : List.of("python-cores-2.json", "cores-2.json")) {
            rewrite(copy.resolve(name), r -> {
                if (model(r).startsWith("py-") && r.get("params").has("work")) {
                    ((ObjectNode) r.get("params")).put("work", "1000000");
                }
                ArrayNode raw = (ArrayNode) r.get("primaryMetric").get("rawData");
                raw.add(raw.get(0).deepCopy());
            });
        }
        Path file = copy.resolve("python-cores-2.json");
        double sequential = score(only(raw(copy, 2), CPU, "py-sequential"));
        rewrite(file, r -> {
            if (r.get("benchmark").asText().equals(CPU) && model(r).equals("py-thread-pool")
                    && r.get("params").get("parallelism").asText().equals("2")) {
                ObjectNode m = (ObjectNode) r.get("primaryMetric");
                double factor = sequential / 10 / m.get("score").asDouble();
                m.put("score", sequential / 10);
                ArrayNode ci = (ArrayNode) m.get("scoreConfidence");
                m.putArray("scoreConfidence").add(ci.get(0).asDouble() * factor).add(ci.get(1).asDouble() * factor);
                ArrayNode scaled = JSON.createArrayNode();
                m.get("rawData").forEach(fork -> {
                    ArrayNode f = scaled.addArray();
                    fork.forEach(v -> f.add(v.asDouble() * factor));
                });
                m.set("rawData", scaled);
            }
        });

        // WHEN the findings are computed
        List<Finding> findings = PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(copy))));

        // THEN the GIL finding reports the new figure, and no longer says Python threads stall
        assertThat(findings).anySatisfy(f -> assertThat(f.answer())
                .contains("the best Python thread model, py-thread-pool, reaches 10.00× [")
                .contains("Python threads may have parallelised CPU work here"));
    }

    private static void rewrite(Path file, java.util.function.Consumer<JsonNode> change) throws IOException {
        ArrayNode results = (ArrayNode) JSON.readTree(file.toFile());
        results.forEach(change);
        JSON.writeValue(file.toFile(), results);
    }

    @Test
    void bestModelOfEachSideIsThatWithTheHighestOwnSpeedupAtEqualWork() throws Exception {
        // GIVEN a copy where Python's CPU task carries the JVM's work size, and its highest raw Python speedup on CPU
        // work at 2 cores (py-sequential excluded)
        Path copy = copyOfFixture();
        rewrite(copy.resolve("python-cores-2.json"), r -> {
            if (r.get("params").has("work")) {
                ((ObjectNode) r.get("params")).put("work", "1000000");
            }
        });
        List<JsonNode> results = raw(copy, 2);
        double sequential = score(only(results, CPU, "py-sequential"));
        JsonNode best = results.stream().filter(r -> r.get("benchmark").asText().equals(CPU))
                .filter(r -> !model(r).equals("py-sequential"))
                .max(java.util.Comparator.comparingDouble(r -> sequential / score(r))).orElseThrow();

        // WHEN the findings are computed
        List<Finding> findings = PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(copy))));

        // THEN the per-workload finding names it for the CPU workload
        assertThat(findings).anySatisfy(f -> assertThat(f.answer()).contains(String.format(Locale.ROOT,
                "CpuBenchmark.batch at 2 cores: Python %s %.2f×", Model.of(model(best)).label(),
                sequential / score(best))));
    }

    @Test
    void bestModelsAreNotComparedAcrossDifferentWorkSizes() throws Exception {
        List<Finding> findings = PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(fixture()))));

        assertThat(findings).filteredOn(f -> f.question().contains("best on each side")).singleElement()
                .satisfies(f -> assertThat(f.answer())
                        .contains("CpuBenchmark.batch: not compared, the two sides ran different work sizes")
                        .contains("DispatchBenchmark.batch at 2 cores: Python "));
    }

    @Test
    void processPoolFindingNamesBothSidesProcessModels() throws Exception {
        List<Finding> findings = PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(fixture()))));

        assertThat(findings).anySatisfy(f -> {
            assertThat(f.question()).contains("process pools");
            assertThat(f.answer()).contains("py-process-pool").contains("py-joblib-loky").contains("process-workers");
        });
    }

    @Test
    void pageHasThePythonRowsAndSectionOnlyWhenThereIsPythonData() throws Exception {
        // GIVEN the run, and a copy without its Python files
        Path jvmOnly = copyOfFixture();
        try (Stream<Path> files = Files.list(jvmOnly)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("python-")).toList()) {
                Files.delete(f);
            }
        }
        HtmlReport report = new HtmlReport();

        // WHEN both are rendered
        String both = report.render("t", List.of(RunInput.load(fixture())));
        String jvm = report.render("t", List.of(RunInput.load(jvmOnly)));

        // THEN the page data holds py rows marked as Python, and the section appears only with them
        JsonNode data = JSON.readTree(both.substring(both.indexOf("id=\"report-data\">") + 17,
                both.indexOf("</script>", both.indexOf("id=\"report-data\">"))));
        long pyRows = 0;
        for (JsonNode row : data.get("rows")) {
            if (row.get("py").asBoolean()) {
                pyRows++;
                assertThat(row.get("model").asText()).startsWith("py-");
            }
        }
        long rawPy = raw(fixture(), 1).size() + raw(fixture(), 2).size();
        assertThat(pyRows).isEqualTo(rawPy);
        assertThat(both).contains("<section id=\"python-vs-jvm\">").contains("py-sequential for py- rows");
        assertThat(jvm).doesNotContain("<section id=\"python-vs-jvm\">").doesNotContain("href=\"#python-vs-jvm\"");
        assertThat(PythonVsJvm.of(SpeedupTable.of(List.of(RunInput.load(jvmOnly))))).isEmpty();
        assertThat(MarkdownSummary.render("t", SpeedupTable.of(List.of(RunInput.load(fixture())))))
                .contains("## Python vs JVM");
        assertThat(MarkdownSummary.render("t", SpeedupTable.of(List.of(RunInput.load(jvmOnly)))))
                .doesNotContain("Python vs JVM");
    }

    private Path copyOfFixture() throws IOException {
        Path copy = temp.resolve("run");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(fixture())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static List<JsonNode> raw(Path run, int cores) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(run.resolve("python-cores-" + cores + ".json").toFile()).forEach(results::add);
        return results;
    }

    private static JsonNode only(List<JsonNode> results, String benchmark, String model, String... parallelism) {
        return results.stream().filter(r -> r.get("benchmark").asText().equals(benchmark) && model(r).equals(model))
                .filter(r -> parallelism.length == 0 || r.get("params").get("parallelism").asText().equals(parallelism[0]))
                .findFirst().orElseThrow(() -> new AssertionError("no " + model + " in the fixture"));
    }

    private static String model(JsonNode r) {
        return r.get("params").get("model").asText();
    }

    private static double score(JsonNode r) {
        return r.get("primaryMetric").get("score").asDouble();
    }
}
