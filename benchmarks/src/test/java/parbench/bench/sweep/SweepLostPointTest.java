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

/**
 * Every route to a lost point ends as {@code failed}, with its reason on the console and exit 1,
 * never as a missing row of an {@code ok} run: an unknown model, JMH refusing to run, a
 * process-workers worker killed mid-batch. (A set-up error is {@link SweepEndToEndTest}'s.)
 * Counted into {@code target/reliability/sweep-lost-points.json}.
 */
class SweepLostPointTest {

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final FaultLedger LEDGER = new FaultLedger("lost-points");

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

    /** Waits for the sweep, records the outcome, then asserts exit 1, failed, and the reason on the console. */
    private RunManifest.CoreCount finish(String name, Path run, String reason) throws Exception {
        boolean ended = sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> console.stream().anyMatch(l -> l.contains("finished in"))
                || !sweep.isAlive());
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        RunManifest.CoreCount entry = manifest.coreCounts().getFirst();
        boolean onConsole = console.stream().anyMatch(line -> line.startsWith("parbench run: 1 core failed: ")
                && line.contains(reason));
        LEDGER.record(new FaultLedger.Fault(name, ended && sweep.exitValue() == 1 && entry.status().equals("failed")
                && onConsole, 0, 0));
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
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
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
