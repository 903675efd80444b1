package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import parbench.bench.jfr.JfrSummary;

/**
 * {@code parbench run --jfr} in its own JVM over the real JMH harness, forked as the quick and full
 * profiles fork: the summary lands in the JMH JSON, the recordings in {@code <run>/jfr}, and nothing else
 * is left behind.
 */
class JfrRunTest {

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final int TASKS = 6;

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
    void jfrRunKeepsOneRecordingPerForkItsSummaryInTheJsonAndNoStrayFiles() throws Exception {
        // GIVEN thread-per-task on a small sleep batch, one fork of two short measured iterations
        Path run = temp.resolve("run");
        List<String> before = jfrRepositories();

        // WHEN parbench run --jfr measures it at one core
        String classpath = System.getProperty("java.class.path");
        var command = new ArrayList<>(List.of(MachineFacts.javaLauncher().toString(), "-cp", classpath,
                RunCommand.class.getName(), "--out", run.toString(), "--classpath", classpath, "--profile", "smoke",
                "--cores", "1", "--jfr", "--include", "SleepBenchmark", "--", "-f", "1", "-i", "2", "-r", "200ms",
                "-p", "model=thread-per-task", "-p", "tasks=" + TASKS, "-p", "taskMillis=1"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
        sweep = builder.start();
        String console = new String(sweep.getInputStream().readAllBytes());

        // THEN the point's JSON carries the summary, threads started = tasks per batch
        assertThat(sweep.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(console).isZero();
        JsonNode result = new ObjectMapper().readTree(run.resolve("cores-1.json").toFile()).get(0);
        JsonNode secondary = result.get("secondaryMetrics");
        assertThat(secondary.get("jfr.threadsStarted").get("score").asDouble()).as(secondary.toString()).isEqualTo(TASKS);
        assertThat(secondary.get("jfr.cpusAvailable").get("score").asDouble()).isEqualTo(1.0);
        assertThat(secondary.get("jfr.threadsStarted").get("rawData").get(0)).hasSize(2);
        // AND the run directory holds one recording per fork, and no JFR repository is left, here or in tmp
        List<String> recordings;
        try (Stream<Path> files = Files.list(run.resolve(RunCommand.JFR_DIRECTORY))) {
            recordings = files.map(p -> p.getFileName().toString()).toList();
        }
        assertThat(recordings).singleElement().asString()
                .startsWith("SleepBenchmark.batch-").contains("model_thread-per-task").endsWith(".jfr");
        assertThat(JfrSummary.readAll(run.resolve(RunCommand.JFR_DIRECTORY).resolve(recordings.getFirst())))
                .extracting(JfrSummary::threadsStartedPerOp).containsExactly((double) TASKS, (double) TASKS);
        assertThat(jfrRepositories()).containsExactlyInAnyOrderElementsOf(before);
    }

    /** JFR's default repositories ({@code <tmp>/<yyyy_MM_dd_HH_mm_ss>_<pid>}) now in java.io.tmpdir. */
    private static List<String> jfrRepositories() throws IOException {
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return tmp.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d{2}_\\d+"))
                    .toList();
        }
    }
}
