package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * Runs the real sweep ({@link RunCommand#main}) in its own JVM over the real JMH harness, with the
 * test classpath standing in for benchmarks.jar (surefire runs before the jar is packaged; the
 * generated JMH benchmark list is in target/classes either way). The include regex selects only
 * {@link ProcessorProbeBenchmark}, so a sweep takes seconds.
 */
class SweepEndToEndTest {

    private static final Duration DEADLINE = Duration.ofMinutes(3);

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
    void smokeSweepWritesEveryFileOfTheRunDirectory() throws Exception {
        // GIVEN a run directory that does not exist yet
        Path run = temp.resolve("run");

        // WHEN a smoke sweep runs at one core count
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "ProcessorProbeBenchmark");
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN it succeeds and the run directory holds the JMH JSON, the log and a complete manifest
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isZero();
        try (Stream<Path> files = Files.list(run)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("cores-1.json", "jmh-cores-1.log", "manifest.json");
        }
        assertThat(new ObjectMapper().readTree(run.resolve("cores-1.json").toFile()).isArray()).isTrue();
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertThat(manifest.finishedAt()).isNotNull();
        assertThat(manifest.profile()).isEqualTo("smoke");
        assertThat(manifest.jmhVersion()).isEqualTo("1.37");
        assertThat(manifest.coreCounts()).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo("ok");
            assertThat(entry.resultFile()).isEqualTo("cores-1.json");
            assertThat(entry.jvmProcessors()).isEqualTo(1);
            if (entry.enforcement().equals("taskset")) {
                assertThat(entry.jvmCpus()).isEqualTo(entry.cpuList()).doesNotContain(",");
            }
        });
        assertThat(console).contains("[1 core ] sweep.ProcessorProbeBenchmark.availableProcessors");
    }

    @Test
    void sigtermAfterTheFirstCoreCountKeepsItAndLeavesNoProcess() throws Exception {
        // GIVEN a sweep over two core counts whose iterations last long enough to be interrupted
        Path run = temp.resolve("run");
        sweep = start(run, "--profile", "smoke", "--cores", "1,2", "--include", "ProcessorProbeBenchmark",
                "--", "-i", "3", "-r", "1s");
        Thread drain = Thread.ofPlatform().daemon().start(() -> {
            try {
                sweep.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // WHEN SIGTERM arrives once the first core count's JSON is there
        await().atMost(DEADLINE).until(() -> Files.exists(run.resolve("cores-1.json")) || !sweep.isAlive());
        assertThat(sweep.isAlive()).as("the sweep still runs the second core count").isTrue();
        List<ProcessHandle> tree = new ArrayList<>(sweep.descendants().toList());
        sweep.destroy();

        // THEN it exits 143, the manifest keeps core count 1 and marks 2 interrupted, nothing survives
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        drain.join(DEADLINE.toMillis());
        assertThat(sweep.exitValue()).isEqualTo(143);
        RunManifest manifest = RunManifest.read(run.resolve("manifest.json"));
        assertThat(manifest.coreCounts()).extracting(RunManifest.CoreCount::cores, RunManifest.CoreCount::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "ok"),
                        org.assertj.core.groups.Tuple.tuple(2, "interrupted"));
        assertThat(manifest.finishedAt()).isNotNull();
        assertThat(run.resolve("cores-2.json")).doesNotExist();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(tree).noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void pointThatThrowsFailsItsCoreCountNamingBenchmarkParamsAndError() throws Exception {
        // GIVEN the example: a sleep batch of zero tasks, which every model's set-up refuses
        Path run = temp.resolve("run");

        // WHEN the smoke sweep runs it at one core
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "SleepBenchmark", "--", "-p", "tasks=0");
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN it exits 1 and the manifest says which point failed and why
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isEqualTo(1);
        RunManifest.CoreCount entry = RunManifest.read(run.resolve("manifest.json")).coreCounts().getFirst();
        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.message()).startsWith("10 of 10 points failed: SleepBenchmark.batch (model=sequential,"
                + " parallelism=1, taskMillis=1, tasks=0): java.lang.IllegalArgumentException: tasks must be 1 or"
                + " more, was 0; ");
        assertThat(entry.failedPoints()).hasSize(10).allSatisfy(point -> {
            assertThat(point.params()).containsEntry("tasks", "0");
            assertThat(point.error()).isEqualTo("java.lang.IllegalArgumentException: tasks must be 1 or more, was 0");
        });
        assertThat(console).contains("parbench run: 1 core failed: 10 of 10 points failed: SleepBenchmark.batch");
    }

    @Test
    void failedPointKeepsTheResultsOfTheOtherPoints() throws Exception {
        // GIVEN two models at a failing and a valid batch size
        Path run = temp.resolve("run");

        // WHEN the smoke sweep runs them
        sweep = start(run, "--profile", "smoke", "--cores", "1", "--include", "SleepBenchmark\\.batch",
                "--", "-p", "tasks=0,1", "-p", "model=sequential,fixed-pool");
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN the core count fails on the two zero-task points and its JSON keeps the two others
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isEqualTo(1);
        RunManifest.CoreCount entry = RunManifest.read(run.resolve("manifest.json")).coreCounts().getFirst();
        assertThat(entry.status()).isEqualTo("failed");
        assertThat(entry.resultFile()).isEqualTo("cores-1.json");
        assertThat(entry.failedPoints()).extracting(point -> point.params().get("model"))
                .containsExactly("sequential", "fixed-pool");
        var kept = new ObjectMapper().readTree(run.resolve("cores-1.json").toFile());
        assertThat(kept).hasSize(2).allSatisfy(result ->
                assertThat(result.get("params").get("tasks").asText()).isEqualTo("1"));
    }

    private static Process start(Path run, String... args) throws IOException {
        String classpath = System.getProperty("java.class.path");
        var command = new ArrayList<>(List.of(MachineFacts.javaLauncher().toString(), "-cp", classpath,
                RunCommand.class.getName(), "--out", run.toString(), "--classpath", classpath));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // JMH's /tmp/jmh.lock serialises measurements machine-wide; these tests check behaviour,
        // not timings, so they must not fail while someone else's JMH run holds it
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
        return builder.start();
    }
}
