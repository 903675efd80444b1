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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.bench.faults.FaultLedger;
import parbench.bench.faults.OffByOneOutput;
import parbench.bench.process.WorkerMain;

/**
 * Every route to a lost point ends as {@code failed}, with its reason on the console and exit 1,
 * never as a missing row of an {@code ok} run: an unknown model, JMH refusing to run, a
 * process-workers worker killed mid-batch, one answering wrongly (the verification's route; the
 * test-only {@link OffByOneOutput} fault), one stopped with SIGSTOP (the task time-out's route).
 * (A set-up error is {@link SweepEndToEndTest}'s.)
 * Counted into {@code target/reliability/sweep-lost-points.json}.
 */
class SweepLostPointTest {

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final FaultLedger LEDGER = new FaultLedger("lost-points");

    @TempDir
    Path temp;

    private Process sweep;
    private final List<String> console = new CopyOnWriteArrayList<>();
    /** What every JVM of the sweep is started with; a test may add a fault. */
    private String toolOptions = "-Djmh.ignoreLock=true";

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
    void anUnknownModelFailsItsPointNamingTheModel() throws Exception {
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "SleepBenchmark\\.batch",
                "--", "-p", "model=sequential,no-such-model", "-p", "tasks=1");

        RunManifest.CoreCount entry = finish("unknown model (-p model=...,no-such-model)", run, "no-such-model");
        assertThat(entry.failedPoints()).extracting(point -> point.params().get("model")).containsExactly("no-such-model");
    }

    @Test
    void aJmhExitStatusFailsTheCoreCountNamingTheStatus() throws Exception {
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "SleepBenchmark\\.batch",
                "--", "-p", "tasks=1", "-no-such-jmh-option");

        RunManifest.CoreCount entry = finish("JMH exits non-zero (a bad JMH option)", run, "JMH exited with status");
        assertThat(entry.resultFile()).isNull();
        assertThat(run.resolve("cores-1.json")).doesNotExist();
    }

    @Test
    void aKilledWorkerFailsThePointNamingTheWorker() throws Exception {
        // GIVEN process-workers at a batch long enough to find its workers running
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "CpuBenchmark\\.batch",
                "--", "-p", "model=process-workers", "-p", "work=100000000", "-p", "tasks=4", "-i", "20");
        await().atMost(DEADLINE).until(() -> sweep.descendants().anyMatch(this::isWorker) || !sweep.isAlive());
        ProcessHandle worker = sweep.descendants().filter(this::isWorker).findFirst().orElseThrow();

        // WHEN one worker is SIGKILLed
        worker.destroyForcibly();

        // THEN the point fails, named with the worker's death
        RunManifest.CoreCount entry = finish("process-workers worker killed with SIGKILL", run, "worker");
        assertThat(entry.failedPoints()).isNotEmpty();
    }

    @Test
    void aWrongOutputFailsItsPointNamingTheBenchmarkTheParamsAndTheCheck() throws Exception {
        // GIVEN process workers that answer every CPU task one more than they computed, and a sequential point
        Path run = temp.resolve("run");
        toolOptions += " -D" + WorkerMain.OUTPUT_FAULT_PROPERTY + "=" + OffByOneOutput.class.getName();
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "CpuBenchmark\\.batch",
                "--", "-p", "model=sequential,process-workers", "-p", "parallelism=1", "-p", "work=1000",
                "-p", "tasks=2");

        // THEN the verification fails the process-workers point, and the sequential one is kept
        RunManifest.CoreCount entry = finish("verification: a process worker answers wrongly", run, "wrong output");
        assertThat(entry.message()).contains("CpuBenchmark.batch (model=process-workers")
                .contains("returned a wrong output for task 0");
        assertThat(entry.failedPoints()).extracting(point -> point.params().get("model"))
                .containsExactly("process-workers");
        assertThat(entry.resultFile()).isEqualTo("cores-1.json");
        assertThat(Files.readString(run.resolve("cores-1.json"))).contains("\"sequential\"")
                .doesNotContain("\"process-workers\"");
    }

    @Test
    void aStoppedWorkerFailsItsPointAfterTheDerivedTimeoutSayingWhatItWaitsOn() throws Exception {
        // GIVEN process-workers with one worker, past its first batches (so the task time-out is derived)
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "CpuBenchmark\\.batch",
                "--", "-p", "model=process-workers", "-p", "parallelism=1", "-p", "work=1000000", "-p", "tasks=2",
                "-i", "600");
        await().atMost(DEADLINE).until(() -> sweep.descendants().filter(this::isWorker)
                .anyMatch(w -> w.info().totalCpuDuration().orElse(Duration.ZERO).toMillis() >= 2000) || !sweep.isAlive());
        ProcessHandle worker = sweep.descendants().filter(this::isWorker).findFirst().orElseThrow();

        // WHEN it is stopped with SIGSTOP
        assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(worker.pid())).start().waitFor()).isZero();

        // THEN the sweep says what it waits on, and fails the point after the derived time-out, not 5 minutes
        RunManifest.CoreCount entry = finish("process-workers worker stopped with SIGSTOP (task time-out)", run,
                "timed out after");
        assertThat(console).anyMatch(line -> line.contains("waiting on worker pid " + worker.pid() + " for task "));
        assertThat(entry.message()).containsPattern("worker pid " + worker.pid() + ", task \\d+ .*timed out after "
                + "(\\d{5}) ms");
        assertThat(entry.failedPoints()).isNotEmpty();
    }

    /**
     * Waits for the sweep, records the outcome (with the processes of its tree, as seen at the fault, still running 2 s
     * after it ended, and whether the run still reads as complete), then asserts exit 1, failed, and the reason on
     * the console.
     */
    private RunManifest.CoreCount finish(String name, Path run, String reason) throws Exception {
        List<ProcessHandle> tree = sweep.descendants().toList();
        boolean ended = sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        Thread.sleep(2000);
        int orphans = (int) tree.stream().filter(ProcessTree::isRunning).count();
        await().atMost(Duration.ofSeconds(30)).until(() -> console.stream().anyMatch(l -> l.contains("finished in"))
                || !sweep.isAlive());
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        RunManifest.CoreCount entry = manifest.coreCounts().getFirst();
        boolean onConsole = console.stream().anyMatch(line -> line.startsWith("parbench run: 1 core failed: ")
                && line.contains(reason));
        int looksComplete = manifest.status().equals("ok") ? 1 : 0; // a lost point under an "ok" run
        LEDGER.record(new FaultLedger.Fault(name, ended && sweep.exitValue() == 1 && entry.status().equals("failed")
                && onConsole, orphans, looksComplete));
        assertThat(ended).isTrue();
        assertThat(sweep.exitValue()).as(String.join("\n", console)).isEqualTo(1);
        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.message()).contains(reason);
        assertThat(onConsole).as(String.join("\n", console)).isTrue();
        assertThat(manifest.status()).isEqualTo("failed");
        return entry;
    }

    private boolean isWorker(ProcessHandle handle) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(handle.pid()), "cmdline")),
                    StandardCharsets.UTF_8).contains("WorkerMain");
        } catch (IOException e) {
            return false;
        }
    }

    private Process start(Path run, String... args) throws IOException {
        String classpath = System.getProperty("java.class.path");
        var command = new ArrayList<>(List.of(MachineFacts.javaLauncher().toString(),
                "-Dparbench.sweepLock=" + temp.resolve("sweep.lock"), "-cp", classpath,
                RunCommand.class.getName(), "--out", run.toString(), "--classpath", classpath));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        Process process = builder.start();
        Thread.ofPlatform().daemon().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    console.add(line);
                }
            } catch (IOException e) {
                // the sweep ended
            }
        });
        return process;
    }
}
