package parbench.report.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.HandRun;
import parbench.report.html.HtmlReport;
import parbench.report.jmh.Fixtures;
import parbench.report.markdown.MarkdownSummary;
import parbench.report.run.RunInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static parbench.report.fixture.HandRun.params;

/**
 * Two Python interpreters in one run: {@code src/test/resources/run/two-pythons/}, a real run of CPython 3.11.2
 * (with numba) and a stdlib-only CPython 3.12.1 beside the JVM (its README.md gives the command), and hand-made runs
 * ({@link HandRun}) for a free-threaded build, which this machine does not have. Expected figures are computed from
 * the raw files, never copied from the page.
 */
class PythonVsJvmInterpretersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CPU = "parbench.bench.CpuBenchmark.batch";
    private static final String OLD = "cpython-3.11.2";
    private static final String NEW = "cpython-3.12.1";

    @TempDir
    Path dir;

    static Path fixture() {
        return Fixtures.run("two-pythons");
    }

    private static SpeedupTable table() throws Exception {
        return SpeedupTable.of(List.of(RunInput.load(fixture())));
    }

    @Test
    void twoInterpretersAreTwoSetsOfRowsEachOverItsOwnSequential() throws Exception {
        // GIVEN the raw py-sequential score of each interpreter at 2 cores
        List<JsonNode> raw = raw(2);
        double oldSequential = score(only(raw, OLD, "py-sequential"));
        double newSequential = score(only(raw, NEW, "py-sequential"));

        // WHEN the table is built
        List<Row> py = table().rows().stream().filter(Row::python).toList();

        // THEN every raw Python result is one row, each interpreter has its own rows, and a thread pool's speedup
        // divides by its own interpreter's py-sequential
        assertThat(py).hasSize(raw(1).size() + raw.size());
        assertThat(py.stream().map(r -> r.result().param("python").orElseThrow()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(OLD, NEW);
        for (var e : Map.of(OLD, oldSequential, NEW, newSequential).entrySet()) {
            Row pool = py.stream().filter(r -> r.cores() == 2 && "py-thread-pool".equals(r.model())
                    && r.result().param("python").orElseThrow().equals(e.getKey())).findFirst().orElseThrow();
            assertThat(pool.speedup()).isCloseTo(e.getValue() / score(only(raw, e.getKey(), "py-thread-pool")),
                    offset(1e-9));
        }
    }

    @Test
    void decisionTableHasALineForEachInterpreter() throws Exception {
        DecisionTable decision = DecisionTable.of(table());

        assertThat(decision.lines()).extracting(DecisionTable.Line::label)
                .anySatisfy(l -> assertThat(l).contains("python=" + OLD).endsWith("· Python"))
                .anySatisfy(l -> assertThat(l).contains("python=" + NEW).endsWith("· Python"));
    }

    @Test
    void gilFindingNamesEachInterpreterAndItsGilStateWithItsOwnBestThreadModel() throws Exception {
        // GIVEN each interpreter's best thread model on CPU work at 2 cores (numba and processes are not threads
        // under the GIL), from the raw file
        List<JsonNode> raw = raw(2);
        List<String> expected = new ArrayList<>();
        for (String python : List.of(OLD, NEW)) {
            double sequential = score(only(raw, python, "py-sequential"));
            JsonNode best = raw.stream().filter(r -> python.equals(r.get("params").get("python").asText()))
                    .filter(r -> {
                        Model m = Model.of(model(r));
                        return !m.isProcess() && !m.isBaseline() && !m.compiled();
                    })
                    .max(java.util.Comparator.comparingDouble(r -> sequential / score(r))).orElseThrow();
            expected.add(String.format(Locale.ROOT, "CPython %s (GIL): the best Python thread model, %s, reaches %.2f×",
                    python.substring("cpython-".length()), Model.of(model(best)).label(), sequential / score(best)));
        }

        // WHEN the Python-vs-JVM findings are computed
        Finding gil = PythonVsJvm.of(table()).stream().filter(f -> f.question().contains("GIL")).findFirst()
                .orElseThrow();

        // THEN the lead sentence gives both interpreters, with their GIL state, and each its own best model
        assertThat(gil.answer()).startsWith("Threads on CPU work (work=1000 on both sides) at 2 cores: ")
                .contains(" on CPython 3.11.2 (GIL); ").contains(" on CPython 3.12.1 (GIL); ")
                .contains(expected.get(0)).contains(expected.get(1))
                .doesNotContain("the best Python thread model, py-numba")
                .contains("numba's models run compiled, outside the GIL: they are in a finding of their own.");
    }

    @Test
    void numbaRowsAppearInTheSectionBesideJvmThreadsAndPythonProcesses() throws Exception {
        // GIVEN the raw numba and py-sequential scores of the interpreter that has numba
        List<JsonNode> raw = raw(2);
        double sequential = score(only(raw, OLD, "py-sequential"));

        // WHEN the findings and the page are rendered
        List<Finding> findings = PythonVsJvm.of(table());
        String page = new HtmlReport().render("t", List.of(RunInput.load(fixture())));
        String section = page.substring(page.indexOf("<section id=\"python-vs-jvm\">"),
                page.indexOf("</section>", page.indexOf("<section id=\"python-vs-jvm\">")));

        // THEN the numba finding names both numba models of CPython 3.11.2 with their speedups, a Python process
        // model and a JVM thread model, and nothing of CPython 3.12.1, which has no numba
        Finding numba = findings.stream().filter(f -> f.question().contains("numba")).findFirst().orElseThrow();
        assertThat(numba.answer())
                .contains(String.format(Locale.ROOT, "CPython 3.11.2 (GIL): py-numba-prange %.2f×",
                        sequential / score(only(raw, OLD, "py-numba-prange"))))
                .contains(String.format(Locale.ROOT, "py-numba-threads %.2f×",
                        sequential / score(only(raw, OLD, "py-numba-threads"))))
                .contains("its best process model, py-").contains("The best JVM thread model, ")
                .doesNotContain("3.12.1");
        assertThat(section).contains("py-numba-prange").contains("py-numba-threads")
                .contains("CPython 3.11.2 (GIL)").contains("CPython 3.12.1 (GIL)");
        assertThat(MarkdownSummary.render("t", table())).contains("py-numba-threads").contains("CPython 3.12.1 (GIL)");
    }

    @Test
    void processAndBestModelFindingsKeepTheInterpretersApart() throws Exception {
        List<Finding> findings = PythonVsJvm.of(table());

        assertThat(findings).filteredOn(f -> f.question().contains("process pools")).singleElement()
                .satisfies(f -> assertThat(f.answer()).contains("CPython 3.11.2 (GIL): ")
                        .contains("CPython 3.12.1 (GIL): ").contains("process-workers"));
        assertThat(findings).filteredOn(f -> f.question().contains("best on each side")).singleElement()
                .satisfies(f -> assertThat(f.answer()).contains("Python on CPython 3.11.2 (GIL) ")
                        .contains("Python on CPython 3.12.1 (GIL) ").contains(", JVM "));
    }

    /**
     * CPU work at 2 cores, 2 forks of 5 iterations: the JVM's fixed-pool 1.90×; CPython 3.11.2's thread pool 0.90×
     * and its numba 1.95×; a free-threaded CPython 3.13.1t's thread pool 1.80×.
     */
    private HandRun freeThreaded() {
        Map<String, Object> jvm = params("tasks", 32, "work", 1000000);
        Map<String, Object> gil = params("tasks", 32, "work", 1000000, "python", "cpython-3.11.2");
        Map<String, Object> noGil = params("tasks", 32, "work", 1000000, "python", "cpython-3.13.1t");
        return new HandRun()
                .add(2, "CpuBenchmark", "sequential", 1, jvm, 190)
                .add(2, "CpuBenchmark", "fixed-pool", 2, jvm, 100)
                .jvmArgs("Py_GIL_DISABLED=0", "gil=enabled")
                .add(2, "CpuBenchmark", "py-sequential", 1, gil, 900)
                .add(2, "CpuBenchmark", "py-thread-pool", 2, gil, 1000)
                .add(2, "CpuBenchmark", "py-numba-threads", 2, gil, 900 / 1.95)
                .jvmArgs("Py_GIL_DISABLED=1", "gil=disabled")
                .add(2, "CpuBenchmark", "py-sequential", 1, noGil, 1800)
                .add(2, "CpuBenchmark", "py-thread-pool", 2, noGil, 1000);
    }

    @Test
    void aFreeThreadedBuildIsNamedWithoutItsGilAndNeverPooledWithTheOther() throws Exception {
        SpeedupTable table = SpeedupTable.of(List.of(RunInput.load(freeThreaded().write(dir))));

        Finding gil = PythonVsJvm.of(table).stream().filter(f -> f.question().contains("GIL")).findFirst()
                .orElseThrow();

        assertThat(gil.answer())
                .startsWith("Threads on CPU work (work=1000000 on both sides) at 2 cores: 0.90× on CPython 3.11.2 "
                        + "(GIL); 1.80× on CPython 3.13.1t (no GIL); 1.90× on the JVM. ")
                .contains("CPython 3.11.2 (GIL): the best Python thread model, py-thread-pool, reaches 0.90× [")
                .contains("CPython 3.13.1t (no GIL): the best Python thread model, py-thread-pool, reaches 1.80× [")
                .contains("CPython 3.11.2 (GIL): the GIL claim holds: its threads do not parallelise CPU work, "
                        + "JVM threads do.")
                .endsWith("CPython 3.13.1t (no GIL): without the GIL its threads parallelise CPU work, as JVM "
                        + "threads do.")
                .doesNotContain("py-numba-threads, reaches");
        assertThat(PythonVsJvm.of(table)).filteredOn(f -> f.question().contains("numba")).singleElement()
                .satisfies(f -> assertThat(f.answer()).contains("CPython 3.11.2 (GIL): py-numba-threads 1.95× [")
                        .doesNotContain("3.13.1t"));
    }

    @Test
    void theInterpreterAndItsGilStateComeFromTheParamAndJvmArgs() throws Exception {
        // GIVEN rows labelled by the harness, one free-threaded build with the GIL back on, one with no jvmArgs, and
        // one of a run written before the python param existed
        Map<String, Object> work = params("tasks", 4, "work", 10);
        HandRun run = new HandRun()
                .jvmArgs("Py_GIL_DISABLED=1", "gil=enabled")
                .add(2, "CpuBenchmark", "py-sequential", 1, params("tasks", 4, "work", 10, "python",
                        "cpython-3.13.1t-gil"), 10)
                .jvmArgs()
                .add(2, "CpuBenchmark", "py-sequential", 1, params("tasks", 4, "work", 10, "python",
                        "cpython-3.13.1t"), 10)
                .add(2, "CpuBenchmark", "py-sequential", 1, work, 10);

        // WHEN each row's interpreter is read
        Set<String> named = SpeedupTable.of(List.of(RunInput.load(run.write(dir)))).rows().stream()
                .map(PythonInterpreter::of).map(PythonInterpreter::named).collect(Collectors.toCollection(TreeSet::new));

        // THEN each is named with the GIL state its records give
        assertThat(named).containsExactly("CPython 3.13.1t (no GIL)", "CPython 3.13.1t-gil (GIL)",
                "Python (GIL state not recorded)");
    }

    private static List<JsonNode> raw(int cores) throws IOException {
        List<JsonNode> results = new ArrayList<>();
        JSON.readTree(fixture().resolve("python-cores-" + cores + ".json").toFile()).forEach(results::add);
        return results;
    }

    private static JsonNode only(List<JsonNode> results, String python, String model) {
        return results.stream().filter(r -> r.get("benchmark").asText().equals(CPU) && model(r).equals(model)
                        && python.equals(r.get("params").get("python").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + model + " of " + python + " in the fixture"));
    }

    private static String model(JsonNode r) {
        return r.get("params").get("model").asText();
    }

    private static double score(JsonNode r) {
        return r.get("primaryMetric").get("score").asDouble();
    }
}
