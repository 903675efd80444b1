package parbench.bench.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import parbench.bench.SleepBenchmark;

/**
 * A real JMH run of {@code thread-per-task} in one fork with {@link FlightRecorderProfiler}: the
 * summary in the JMH JSON is what the fork's .jfr file says, and the run leaves only that file.
 */
class FlightRecorderProfilerTest {

    private static final int TASKS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path run;

    private static JsonNode result;
    private static Path jfrDir;

    @BeforeAll
    static void runThreadPerTaskWithTheProfiler() throws Exception {
        jfrDir = run.resolve("jfr");
        Path json = run.resolve("cores-1.json");
        var options = new OptionsBuilder()
                .include(SleepBenchmark.class.getName() + ".batch")
                .param("model", "thread-per-task")
                .param("parallelism", "2")
                .param("tasks", Integer.toString(TASKS))
                .param("taskMillis", "1")
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(300))
                .addProfiler(FlightRecorderProfiler.class, "dir=" + jfrDir)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString())
                .build();
        String previous = System.setProperty("jmh.ignoreLock", "true");
        try {
            new Runner(options).run();
        } finally {
            if (previous == null) {
                System.clearProperty("jmh.ignoreLock");
            } else {
                System.setProperty("jmh.ignoreLock", previous);
            }
        }
        result = JSON.readTree(json.toFile()).get(0);
    }

    @Test
    void threadPerTaskStartsOneThreadPerTaskInEveryBatch() {
        assertThat(metric("jfr.threadsStarted").get("score").asDouble()).isEqualTo(TASKS);
        assertThat(metric("jfr.threadsStarted").get("scoreUnit").asText()).isEqualTo("threads/op");
    }

    @Test
    void theSummaryInTheJsonIsWhatTheRecordingFileSaysForEachMeasuredIteration() throws IOException {
        Path file = onlyRecording();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        List<RecordedEvent> windows = events.stream().filter(e -> e.getEventType().getName().equals(MeasurementEvent.NAME))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime)).toList();

        List<JfrSummary> summaries = JfrSummary.readAll(file);

        assertThat(windows).extracting(w -> w.getInt("iteration")).containsExactly(1, 2);
        assertThat(summaries).hasSize(2);
        JsonNode raw = metric("jfr.threadsStarted").get("rawData").get(0);
        for (int i = 0; i < 2; i++) {
            RecordedEvent window = windows.get(i);
            long starts = events.stream().filter(e -> e.getEventType().getName().equals("jdk.ThreadStart"))
                    .filter(e -> !e.getStartTime().isBefore(window.getStartTime())
                            && !e.getStartTime().isAfter(window.getEndTime()))
                    .filter(e -> e.getThread("parentThread").getJavaThreadId() != window.getThread().getJavaThreadId())
                    .count();
            JfrSummary summary = summaries.get(i);
            assertThat(summary.operations()).isEqualTo(window.getLong("operations")).isPositive();
            assertThat(summary.threadsStartedPerOp()).isEqualTo(starts / (double) summary.operations()).isEqualTo(TASKS);
            assertThat(raw.get(i).asDouble()).isEqualTo(summary.threadsStartedPerOp());
        }
        for (var figure : summaries.getLast().figures()) {
            assertThat(metric(figure.label()).get("scoreUnit").asText()).isEqualTo(figure.unit());
        }
        assertThat(metric("jfr.cpusAvailable").get("score").asDouble()).isEqualTo(summaries.getLast().cpusAvailable());
    }

    @Test
    void theRunLeavesOneRecordingPerForkAndNoRepository() throws IOException {
        try (Stream<Path> files = Files.list(jfrDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("SleepBenchmark.batch-model_thread-per-task-parallelism_2-taskMillis_1-tasks_8-cores")
                    .endsWith(".jfr");
        }
        String pid = onlyRecording().getFileName().toString().replaceAll(".*-pid(\\d+)\\.jfr$", "$1");
        try (Stream<Path> tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith("_" + pid));
        }
    }

    @Test
    void aBadThresholdIsNamedInTheError() {
        assertThatThrownBy(() -> new FlightRecorderProfiler("threshold=soon"))
                .isInstanceOf(ProfilerException.class)
                .hasMessage("jfr-summary: threshold must be a whole number of ns, us, ms or s, not 'soon'");
    }

    @Test
    void thresholdsReadAsDurations() throws ProfilerException {
        assertThat(List.of(FlightRecorderProfiler.parseDuration("0ms"), FlightRecorderProfiler.parseDuration("250us"),
                FlightRecorderProfiler.parseDuration("2s"))).containsExactly(Duration.ZERO, Duration.ofNanos(250_000),
                Duration.ofSeconds(2));
    }

    @Test
    void aFileWithoutTheMeasurementWindowIsRefusedNamingIt() throws IOException {
        Path empty = run.resolve("other.jfr");
        try (var recording = new jdk.jfr.Recording()) {
            recording.start();
            recording.stop();
            recording.dump(empty);
        }
        assertThatThrownBy(() -> JfrSummary.read(empty)).isInstanceOf(IOException.class)
                .hasMessageContaining(empty.toString()).hasMessageContaining("holds no parbench.Measurement event");
    }

    private static Path onlyRecording() throws IOException {
        try (Stream<Path> files = Files.list(jfrDir)) {
            return files.filter(p -> p.toString().endsWith(".jfr")).findFirst().orElseThrow();
        }
    }

    private static JsonNode metric(String label) {
        JsonNode metric = result.get("secondaryMetrics").get(label);
        assertThat(metric).as("secondary metric " + label + " in " + result.get("secondaryMetrics")).isNotNull();
        return metric;
    }
}
