package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed article's Python through the sweep: {@code parbench python} ({@link PythonCommand}) and
 * {@code parbench run --with-python}, each in its own JVM over the real harness
 * ({@code scripts/python}, Debian's {@code /usr/bin/python3} with the libraries {@code .ci/run}
 * installs) and, for the shared run, the real JMH harness and stub.
 */
class PythonSweepTest {

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private Process sweep;

    @AfterEach
    void stopSweep() {
        if (sweep != null) {
            ProcessTree.destroy(sweep);
        }
    }

    @Test
    void pythonWritesItsJsonBesideTheManifestUnderTheSameCoreCount() throws Exception {
        // GIVEN a run directory that does not exist yet
        Path run = temp.resolve("run");

        // WHEN parbench python measures the CPU workload at one core
        sweep = start(PythonCommand.class, run, "--profile", "smoke", "--cores", "1", "--include", "Cpu");
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN the run directory has the shape of a JVM one, with python- files and no JMH ones
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isZero();
        assertThat(names(run)).containsExactlyInAnyOrder("manifest.json", "python-cores-1.json", "python-cores-1.log");
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertThat(manifest.coreCounts()).isEmpty();
        assertThat(manifest.finishedAt()).isNotNull();
        assertThat(manifest.python().implementation()).isEqualTo("CPython");
        assertThat(manifest.python().version()).matches("3\\.\\d+\\.\\d+.*");
        assertThat(manifest.python().libraries()).containsKeys("joblib", "tqdm", "requests");
        assertThat(manifest.python().coreCounts()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo("ok");
            assertThat(entry.resultFile()).isEqualTo("python-cores-1.json");
            if (entry.enforcement().equals("taskset")) {
                assertThat(entry.cpuList()).doesNotContain(",").doesNotContain("-");
            }
        });
        // every point ran on one CPU: the harness records the affinity it saw
        JsonNode results = JSON.readTree(run.resolve("python-cores-1.json").toFile());
        assertThat(results).isNotEmpty().allSatisfy(result -> {
            assertThat(result.get("benchmark").asText()).isEqualTo("parbench.bench.CpuBenchmark.batch");
            assertThat(result.get("params").get("model").asText()).startsWith("py-");
            assertThat(result.get("jvmArgs").toString()).containsPattern("sched_getaffinity=\\[?\\d+\\]?[^,\\d]");
        });
        assertThat(console).contains("[1 core ] python CpuBenchmark model=py-sequential");
    }

    @Test
    void withPythonPutsBothSidesInOneRunDirectoryAgainstOneStub() throws Exception {
        // GIVEN a selection that is one JMH benchmark (the probe) and py-sequential on every Python workload
        Path run = temp.resolve("run");

        // WHEN parbench run --with-python runs at one core
        sweep = start(RunCommand.class, run, "--profile", "smoke", "--cores", "1", "--with-python",
                "--include", "ProcessorProbeBenchmark|py-sequential");
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN JMH's and Python's files share the directory, and Python checked pages on the sweep's stub
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isZero();
        assertThat(names(run)).contains("manifest.json", "cores-1.json", "jmh-cores-1.log", "python-cores-1.json",
                "python-cores-1.log", "stub.log");
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertThat(manifest.coreCounts()).singleElement().extracting(RunManifest.CoreCount::status).isEqualTo("ok");
        assertThat(manifest.python().coreCounts()).singleElement()
                .extracting(RunManifest.PythonCoreCount::status).isEqualTo("ok");
        assertThat(manifest.stub().mode()).isEqualTo("external");
        JsonNode wiki = null;
        for (JsonNode result : JSON.readTree(run.resolve("python-cores-1.json").toFile())) {
            if (result.get("benchmark").asText().endsWith("WikiBenchmark.batch")) {
                wiki = result;
            }
        }
        assertThat(wiki).as("a Python page-check point").isNotNull();
        assertThat(wiki.get("params").get("latencyMillis").asText())
                .isEqualTo(String.valueOf(manifest.stub().latencyMillis()));
        assertThat(Files.readString(run.resolve("python-cores-1.log"))).contains(manifest.stub().url());
        // progress and ETA count the Python points too
        assertThat(console).containsPattern("python WikiBenchmark model=py-sequential .*\\(sweep +\\d+%, ETA \\d+:\\d\\d:\\d\\d\\)");
    }

    @Test
    void sigtermDuringPythonLeavesNoWorkerAndRecordsTheInterruption() throws Exception {
        // GIVEN parbench python on process pools, long enough to be interrupted
        Path run = temp.resolve("run");
        sweep = start(PythonCommand.class, run, "--profile", "quick", "--cores", "1", "--include", "py-process-pool");
        Thread drain = Thread.ofPlatform().daemon().start(() -> {
            try {
                sweep.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // WHEN SIGTERM arrives while the pool's worker processes run
        await().atMost(DEADLINE).until(() -> sweep.descendants().count() >= 3 || !sweep.isAlive());
        assertThat(sweep.isAlive()).as("the sweep still runs the harness").isTrue();
        List<ProcessHandle> tree = new ArrayList<>(sweep.descendants().toList());
        sweep.destroy();

        // THEN it exits 143, the manifest says interrupted, and no Python process survives
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        drain.join(DEADLINE.toMillis());
        assertThat(sweep.exitValue()).isEqualTo(143);
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertThat(manifest.python().coreCounts()).singleElement()
                .extracting(RunManifest.PythonCoreCount::status).isEqualTo("interrupted");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tree).noneMatch(ProcessHandle::isAlive));
        // nor a pool worker forked after the tree was collected: forked workers keep the harness's command line
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(run.toString()))).isEmpty());
    }

    @Test
    void anInterpreterWithoutTheLibrariesSkipsTheirModelsAndTheRunGoesOn() throws Exception {
        // GIVEN an interpreter that cannot see Debian's site packages (-S): no joblib, tqdm, requests or numba
        Path run = temp.resolve("run");

        // WHEN parbench python measures dispatch at one core with it
        sweep = start(PythonCommand.class, run, "--profile", "smoke", "--cores", "1", "--include", "Dispatch",
                "--python-interpreter", "/usr/bin/python3 -S -B");
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN one line names the missing library, the standard library's models ran, and the run succeeded
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isZero();
        assertThat(Files.readAllLines(run.resolve("python-cores-1.log")))
                .filteredOn(line -> line.contains("skipping"))
                .containsExactly("parbench python: skipping py-joblib-loky, py-joblib-threading: /usr/bin/python3 has no joblib");
        JsonNode results = JSON.readTree(run.resolve("python-cores-1.json").toFile());
        List<String> models = new ArrayList<>();
        results.forEach(result -> models.add(result.get("params").get("model").asText()));
        assertThat(models).contains("py-sequential", "py-thread-pool", "py-process-pool", "py-mp-pool")
                .noneMatch(model -> model.startsWith("py-joblib"));
    }

    @Test
    void twoInterpretersInOneRunGiveTwoSetsOfRowsAndTwoManifestEntries() throws Exception {
        // GIVEN Debian's CPython and a stdlib-only one (pyenv's, on this project's machines)
        Path other = otherPython();
        Path run = temp.resolve("run");

        // WHEN parbench python measures dispatch at one core under both
        sweep = start(PythonCommand.class, run, "--profile", "smoke", "--cores", "1", "--include", "Dispatch",
                "--python", "/usr/bin/python3", "--python", other.toString());
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN each interpreter has its rows (the python param), its log, its manifest entry and its GIL state
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isZero();
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertThat(manifest.python().interpreters()).hasSize(2).allSatisfy(interpreter -> {
            assertThat(interpreter.label()).startsWith("cpython-3.");
            assertThat(interpreter.sysVersion()).startsWith(interpreter.version());
            assertThat(interpreter.gilEnabled()).isEqualTo(!interpreter.pyGilDisabled());
        });
        List<String> labels = manifest.python().interpreters().stream().map(RunManifest.PythonInterpreter::label).toList();
        assertThat(manifest.python().coreCounts()).extracting(RunManifest.PythonCoreCount::python)
                .containsExactlyElementsOf(labels);
        assertThat(manifest.python().coreCounts()).extracting(RunManifest.PythonCoreCount::status).containsOnly("ok");
        assertThat(names(run)).contains("python-cores-1.json", "python-cores-1.log", "python-cores-1-" + labels.get(1) + ".log");
        JsonNode results = JSON.readTree(run.resolve("python-cores-1.json").toFile());
        var rowsPerLabel = new java.util.TreeMap<String, Integer>();
        results.forEach(r -> rowsPerLabel.merge(r.get("params").get("python").asText(), 1, Integer::sum));
        assertThat(rowsPerLabel.keySet()).containsExactlyInAnyOrderElementsOf(labels);
        assertThat(console).contains("GIL enabled").contains("skipping py-joblib-loky, py-joblib-threading: " + other);
    }

    @Test
    void theSameInterpreterTwiceIsOneLineAndExitTwo() {
        var err = new StringWriter();
        var commandLine = RunCommand.pythonCommandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        int exit = commandLine.execute("--out", temp.resolve("run").toString(), "--profile", "smoke",
                "--python", "/usr/bin/python3", "--python", "/usr/bin/python3");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("parbench python: --python /usr/bin/python3")
                .endsWith("their rows would pool");
        assertThat(temp.resolve("run")).doesNotExist();
    }

    @Test
    void aPythonThatIsNoExecutableIsOneLineAndExitTwo() {
        var err = new StringWriter();
        var commandLine = RunCommand.pythonCommandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("--out", temp.resolve("run").toString(), "--python", "/nonexistent/python3");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("parbench python: --python /nonexistent/python3 is not an executable file"
                + System.lineSeparator());
    }

    /** A CPython 3.10+ other than Debian's: pyenv's, which this project's machines have (stdlib only). */
    private static Path otherPython() throws IOException {
        Path versions = Path.of("/root/.pyenv/versions");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(versions), "no pyenv CPythons on this machine");
        try (Stream<Path> dirs = Files.list(versions)) {
            return dirs.filter(d -> d.getFileName().toString().matches("3\\.1\\d+\\.\\d+"))
                    .map(d -> d.resolve("bin/python3")).filter(Files::isExecutable)
                    .max(java.util.Comparator.naturalOrder()).orElseThrow();
        }
    }

    @Test
    void optionsOfTheJmhSideAreUnknownToPythonAlone() {
        var err = new StringWriter();
        var commandLine = RunCommand.pythonCommandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));

        int withPython = commandLine.execute("--out", temp.resolve("run").toString(), "--with-python");
        int jmhOption = commandLine.execute("--out", temp.resolve("run").toString(), "--", "-f", "2");

        assertThat(withPython).isEqualTo(2);
        assertThat(jmhOption).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("parbench python: Unknown option: '--with-python'",
                "parbench python: Unknown options: '-f', '2'");
        assertThat(temp.resolve("run")).doesNotExist();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static Process start(Class<?> main, Path run, String... args) throws IOException {
        String classpath = System.getProperty("java.class.path");
        var command = new ArrayList<>(List.of(MachineFacts.javaLauncher().toString(), "-cp", classpath,
                main.getName(), "--out", run.toString(), "--classpath", classpath));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
        return builder.start();
    }
}
