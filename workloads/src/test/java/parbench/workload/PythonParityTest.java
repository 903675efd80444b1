package parbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import parbench.workload.stub.StubConfig;
import parbench.workload.stub.WikipediaStub;
import parbench.workload.wiki.WikiPageChecker;

/**
 * The Python harness ({@code scripts/parbench python outputs}) computes exactly what the Java
 * workloads compute for the same inputs, so Python and JVM scores measure the same work.
 */
class PythonParityTest {

    @TempDir
    Path scratch;

    private List<String> pythonOutputs(String... args) throws Exception {
        var command = new ArrayList<String>(List.of("outputs"));
        command.addAll(List.of(args));
        PythonHarness.Result result = PythonHarness.harness(command, Map.of(), 300, scratch);
        assertThat(result.exitCode()).as(result.describe()).isZero();
        return result.lines();
    }

    /** Seeds 1..10, then the values where 64-bit wrapping and the sign bit matter. */
    private static List<Long> signedExtremes() {
        List<Long> seeds = new ArrayList<>(LongStream.rangeClosed(1, 10).boxed().toList());
        seeds.addAll(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 0x9E3779B97F4A7C15L + 1,
                0x9E3779B97F4A7C15L, -1234567890123456789L));
        return seeds;
    }

    private static String joined(List<Long> seeds) {
        return seeds.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    @ParameterizedTest(name = "work = {0}")
    @ValueSource(longs = {0, 1, 7, 1000, 20_000})
    void cpuResultsEqualCpuTaskRunIncludingSignedExtremes(long work) throws Exception {
        List<Long> seeds = signedExtremes();

        List<String> python = pythonOutputs("--workload", "cpu", "--work", Long.toString(work), "--inputs", joined(seeds));

        assertThat(python).containsExactlyElementsOf(seeds.stream().map(s -> Long.toString(CpuTask.run(s, work))).toList());
    }

    /**
     * numba's models compile the chain to machine code in {@code uint64} arithmetic: their results must still be
     * Java's {@code long}s bit for bit, sign and wrap-around included.
     */
    @ParameterizedTest(name = "{0}, work = {1}")
    @CsvSource({"py-numba-prange, 0", "py-numba-prange, 1", "py-numba-prange, 7", "py-numba-prange, 20000",
            "py-numba-threads, 0", "py-numba-threads, 1", "py-numba-threads, 7", "py-numba-threads, 20000"})
    void numbaResultsEqualCpuTaskRunIncludingSignedExtremes(String model, long work) throws Exception {
        List<Long> seeds = signedExtremes();

        List<String> python = pythonOutputs("--workload", "cpu", "--work", Long.toString(work), "--inputs", joined(seeds),
                "--model", model, "--parallelism", "2");

        assertThat(python).containsExactlyElementsOf(seeds.stream().map(s -> Long.toString(CpuTask.run(s, work))).toList());
    }

    @Test
    void cpuSeedsAreOneToTasksUnderAProcessPool() throws Exception {
        var task = new CpuTask(500);

        List<String> python = pythonOutputs("--workload", "cpu", "--tasks", "12", "--work", "500", "--model", "py-process-pool");

        assertThat(python).containsExactlyElementsOf(task.inputs(12).stream().map(s -> Long.toString(task.expected(s))).toList());
    }

    @Test
    void sleepReturnsComputeXPairsForOneToTasks() throws Exception {
        var computeX = ComputeX.withDefaultY(Duration.ZERO);

        List<String> python = pythonOutputs("--workload", "sleep", "--tasks", "10", "--model", "py-thread-pool");

        assertThat(python).containsExactlyElementsOf(computeX.inputs(10).stream()
                .map(computeX::expected).map(pair -> pair.x() + "," + pair.y()).toList());
    }

    @Test
    void noopReturnsZeroToTasksMinusOne() throws Exception {
        var noop = new NoopTask();

        List<String> python = pythonOutputs("--workload", "noop", "--tasks", "20", "--model", "py-mp-pool");

        assertThat(python).containsExactlyElementsOf(noop.inputs(20).stream().map(String::valueOf).toList());
    }

    @Test
    void wikiChecksAnswerWhatTheJavaCheckerAnswersAgainstTheSameStub() throws Exception {
        int tasks = 40;  // the article's four pages, then generated ones, some missing
        try (var stub = WikipediaStub.start(StubConfig.defaults());
             var checker = WikiPageChecker.create(stub.baseUrl(), 4, WikiPageChecker.DEFAULT_TIMEOUT)) {
            List<String> java = checker.inputs(tasks).stream().map(checker::check).toList();

            List<String> python = pythonOutputs("--workload", "wiki", "--tasks", Integer.toString(tasks),
                    "--stub-url", stub.baseUrl(), "--model", "py-thread-pool");

            assertThat(java).contains(stub.baseUrl() + "/wiki/this_page_does_not_exist - does not exist");
            assertThat(python).containsExactlyElementsOf(java);
        }
    }

    @Test
    void wikiExpectedOutputsFollowTheSameCorpusAndUrls() throws Exception {
        String base = "http://127.0.0.1:8123";
        int tasks = 1000;
        try (var checker = WikiPageChecker.create(base, 1, WikiPageChecker.DEFAULT_TIMEOUT)) {
            List<String> python = pythonOutputs("--workload", "wiki", "--tasks", Integer.toString(tasks),
                    "--stub-url", base, "--expected");

            assertThat(python).containsExactlyElementsOf(checker.inputs(tasks).stream().map(checker::expected).toList());
        }
    }
}
