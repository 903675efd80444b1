package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.bench.faults.FaultLedger;

/**
 * SIGKILL of the sweep's own JVM, which runs no shutdown hook: every child (the stub JVM, the JMH
 * JVM, its fork) must die with it, through the stdin pipe each one watches ({@link ParentWatch}),
 * and the run directory must say it never finished (manifest {@code running}, no result under a
 * final name). Each kill is counted into {@code target/reliability/sweep-kill.json}: the processes
 * of the sweep's tree still running 2 s after it ({@link ProcessTree#isRunning}: a zombie has exited
 * and is not counted; on the build machine {@code init} reaps orphans only every 2 s or so, and
 * {@link ProcessHandle#isAlive()} counts a zombie as alive). Whatever is counted is named on stderr.
 */
class SweepKillTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final FaultLedger LEDGER = new FaultLedger("kill");

    @TempDir
    Path temp;

    private Process sweep;
    private final List<String> console = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopSweep() {
        if (sweep != null) {
            ProcessTree.destroy(sweep);
        }
    }

    @AfterAll
    static void writeLedger() {
        LEDGER.write();
    }

    @Test
    void sigkillDuringTheStubsCapacityProbeLeavesNoStubRunning() throws Exception {
        // GIVEN a sweep that has started its stub JVM and is measuring its capacity
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "WikiBenchmark");
        await().atMost(DEADLINE).until(() -> console.stream().anyMatch(line -> line.contains("Wikipedia stub at"))
                || !sweep.isAlive());
        List<ProcessHandle> tree = sweep.descendants().toList();
        assertThat(tree).as("the stub JVM").anyMatch(commandContains("StubCommand"));

        // WHEN the sweep's JVM is SIGKILLed
        killAndCount("SIGKILL of run during the stub's capacity probe", run, tree);
    }

    @Test
    void sigkillWhileJmhMeasuresLeavesNeitherTheJmhJvmNorItsForkRunning() throws Exception {
        // GIVEN a sweep whose forked JMH iterations run long
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "ProcessorProbeBenchmark",
                "--", "-f", "1", "-i", "60", "-r", "1s");
        await().atMost(DEADLINE).until(() -> sweep.descendants().anyMatch(commandContains("ForkedMain"))
                || !sweep.isAlive());
        List<ProcessHandle> tree = sweep.descendants().toList();
        assertThat(tree).as("the JMH fork").anyMatch(commandContains("ForkedMain"));

        // WHEN the sweep's JVM is SIGKILLed
        killAndCount("SIGKILL of run while a JMH fork measures", run, tree);
    }

    @Test
    void sigkillDuringThePythonHarnessLeavesNeitherTheHarnessNorItsWorkersRunning() throws Exception {
        // GIVEN parbench python measuring the article's process pools at one core
        Path run = temp.resolve("run");
        sweep = start(PythonCommand.class.getName(), run, "--profile", "quick", "--cores", "1", "--include", "Sleep");
        await().atMost(DEADLINE).until(() -> sweep.descendants().anyMatch(commandContains("parbench_python.py"))
                || !sweep.isAlive());
        // and once its first point is done, so the pools are starting and running workers
        await().atMost(DEADLINE).until(() -> console.stream().anyMatch(line -> line.contains("[1 core ]"))
                || !sweep.isAlive());
        List<ProcessHandle> tree = sweep.descendants().toList();
        assertThat(tree).as("the Python harness").anyMatch(commandContains("parbench_python.py"));

        // WHEN the sweep's JVM is SIGKILLed
        killAndCount("SIGKILL of python during the harness", run, tree);
    }

    @Test
    void sigtermDuringTheStubsCapacityProbeStopsWithoutWaitingItOut() throws Exception {
        // GIVEN a sweep measuring its stub's capacity (10 s warm-up and a 5 s window)
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "WikiBenchmark");
        await().atMost(DEADLINE).until(() -> console.stream().anyMatch(line -> line.contains("Wikipedia stub at"))
                || !sweep.isAlive());
        List<ProcessHandle> tree = sweep.descendants().toList();

        // WHEN SIGTERM arrives
        sweep.destroy();

        // THEN it stops well inside the probe's 15 s, says interrupted, and leaves nothing running
        boolean stopped = sweep.waitFor(10, TimeUnit.SECONDS);
        RunManifest manifest = stopped ? RunManifest.read(run.resolve("manifest.json")) : null;
        boolean contract = stopped && sweep.exitValue() == 143 && manifest.status().equals("interrupted")
                && manifest.coreCounts().stream().allMatch(entry -> entry.status().equals("interrupted"));
        int orphans = countRunning("SIGTERM of run", tree);
        LEDGER.record(new FaultLedger.Fault("SIGTERM of run during the stub's capacity probe", contract, orphans,
                finalResultNames(run).size()));
        assertThat(stopped).as("stopped within 10 s of SIGTERM").isTrue();
        assertThat(sweep.exitValue()).isEqualTo(143);
        assertThat(manifest.status()).isEqualTo("interrupted");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tree).noneMatch(ProcessHandle::isAlive));
    }

    /** SIGKILLs the sweep, counts what is alive 2 s later, then asserts the contract. */
    private void killAndCount(String name, Path run, List<ProcessHandle> tree) throws Exception {
        sweep.destroyForcibly();
        assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long killedAt = System.nanoTime();
        // observed, not timed: what the ledger calls "orphans after 2 s"
        await().pollInterval(Duration.ofMillis(100)).atMost(Duration.ofSeconds(3))
                .until(() -> System.nanoTime() - killedAt >= TimeUnit.SECONDS.toNanos(2));
        int orphans = countRunning(name, tree);
        List<String> finalNames = finalResultNames(run);
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        boolean saysUnfinished = manifest.finishedAt() == null && manifest.status().equals("running")
                && Files.readString(run.resolve("manifest.json")).contains("\"status\" : \"running\"");
        LEDGER.record(new FaultLedger.Fault(name, orphans == 0 && saysUnfinished, orphans, finalNames.size()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tree).noneMatch(ProcessHandle::isAlive));
        assertThat(saysUnfinished).as("manifest.json says running, with no finishedAt").isTrue();
        assertThat(finalNames).as("result files under a final name").isEmpty();
    }

    /** How many of {@code tree} still run, each named on stderr (what the ledger calls an orphan). */
    private static int countRunning(String fault, List<ProcessHandle> tree) {
        List<ProcessHandle> running = tree.stream().filter(ProcessTree::isRunning).toList();
        running.forEach(handle -> System.err.println(fault + ": pid " + handle.pid() + " still runs 2 s later: "
                + handle.info().commandLine().orElse("(command unknown)")));
        return running.size();
    }

    private static List<String> finalResultNames(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("(python-)?cores-\\d+\\.json")).toList();
        }
    }

    /** Whether the process's command line (Linux's {@code /proc/<pid>/cmdline}, never truncated) holds {@code fragment}. */
    private static Predicate<ProcessHandle> commandContains(String fragment) {
        return handle -> {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline")),
                        StandardCharsets.UTF_8).contains(fragment);
            } catch (IOException e) {
                return false; // gone meanwhile
            }
        };
    }

    private Process start(Path run, String... args) throws IOException {
        return start(RunCommand.class.getName(), run, args);
    }

    private Process start(String mainClass, Path run, String... args) throws IOException {
        String classpath = System.getProperty("java.class.path");
        var command = new ArrayList<>(List.of(MachineFacts.javaLauncher().toString(),
                "-Dparbench.sweepLock=" + temp.resolve("sweep.lock"), "-cp", classpath,
                mainClass, "--out", run.toString(), "--classpath", classpath));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
        Process process = builder.start();
        Thread.ofPlatform().daemon().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    console.add(line);
                }
            } catch (IOException e) {
                // the sweep was killed: its output ends here
            }
        });
        return process;
    }
}
