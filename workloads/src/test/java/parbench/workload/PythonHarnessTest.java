package parbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parbench.workload.stub.StubConfig;
import parbench.workload.stub.WikipediaStub;

/**
 * Runs the Python harness's own test suite ({@code scripts/python/tests}, stdlib unittest) in the
 * Maven build, against a real Wikipedia stub, so {@code mvn verify} covers the Python side too.
 */
class PythonHarnessTest {

    @TempDir
    Path scratch;

    @Test
    void pythonUnitTestsPass() throws Exception {
        try (var stub = WikipediaStub.start(StubConfig.defaults())) {
            PythonHarness.Result result = PythonHarness.run(
                    List.of(PythonHarness.PYTHON.toString(), "-B", "-m", "unittest", "discover",
                            "-s", PythonHarness.pythonDir().resolve("tests").toString()),
                    Map.of("PARBENCH_STUB_URL", stub.baseUrl()), 900, scratch);

            assertThat(result.exitCode()).as(result.describe()).isZero();
            assertThat(result.stderr()).as(result.describe()).contains("OK").doesNotContain("skipped");
        }
    }
}
