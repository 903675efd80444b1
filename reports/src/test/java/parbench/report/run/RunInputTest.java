package parbench.report.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunInputTest {

    private static final String MANIFEST = """
            { "parbenchVersion": "0.1.0-SNAPSHOT", "git": {"commit": "abc123", "dirty": false},
              "startedAt": "2026-11-25T10:00:00Z", "host": "box", "futureField": {"x": 1},
              "cpu": {"model": "AMD EPYC", "logicalCores": 2, "physicalCores": 1},
              "jdk": {"vendor": "Eclipse Adoptium", "version": "25.0.1"},
              "coreCounts": [ {"cores": 1, "enforcement": "taskset", "status": "ok", "resultFile": "cores-1.json"},
                              {"cores": 2, "enforcement": "active-processor-count-only", "status": "ok"} ] }
            """;

    @Test
    void runDirectoryLoadsEveryCoreCountWithItsManifest(@TempDir Path dir) throws IOException, BadInputException {
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), dir.resolve("cores-2.json"));
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), dir.resolve("cores-1.json"));
        Files.copy(Fixtures.jmh("handwritten-repeated-benchmark.json"), dir.resolve("python-cores-1.json"));
        Files.writeString(dir.resolve("manifest.json"), MANIFEST);

        RunInput input = RunInput.load(dir);

        assertThat(input.sets()).extracting(s -> s.cores().getAsInt()).containsExactly(1, 1, 2);
        assertThat(input.sets()).extracting(ResultSet::python).containsExactly(false, true, false);
        assertThat(input.manifest()).get().extracting(m -> m.cpu().model()).isEqualTo("AMD EPYC");
        assertThat(input.manifest().get().coreCounts()).extracting(RunManifest.CoreCount::enforced)
                .containsExactly(true, false);
        assertThat(input.label()).isEqualTo("box · JDK 25.0.1 · 2026-11-25T10:00:00Z");
    }

    @Test
    void runDirectoryWithoutManifestStillLoads(@TempDir Path dir) throws IOException, BadInputException {
        Files.copy(Fixtures.jmh("real-jmh-1.37-ss.json"), dir.resolve("cores-4.json"));

        RunInput input = RunInput.load(dir);

        assertThat(input.manifest()).isEmpty();
        assertThat(input.results()).hasSize(2);
    }

    @Test
    void singleFileIsLabelledByItsNameAndJdk() throws BadInputException {
        RunInput input = RunInput.load(Fixtures.jmh("real-jmh-1.37-thrpt.json"));

        assertThat(input.label()).startsWith("real-jmh-1.37-thrpt.json (JDK ");
        assertThat(input.sets()).singleElement().satisfies(s -> assertThat(s.cores()).isEmpty());
    }

    @Test
    void directoryWithoutResultsIsBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> RunInput.load(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir + ": not a run directory: no cores-<c>.json inside");
    }

    @Test
    void aCoreCountTooLargeForAnIntIsBadInputNamingTheFile(@TempDir Path dir) throws IOException {
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), dir.resolve("cores-1.json"));
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), dir.resolve("cores-99999999999.json"));

        assertThatThrownBy(() -> RunInput.load(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("cores-99999999999.json")
                        + ": the file name says 99999999999 cores; a core count is 1 to 1048576");
    }

    @Test
    void aZeroCoreFileGivenDirectlyIsBadInput(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cores-0.json");
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), file);

        assertThatThrownBy(() -> RunInput.load(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ": the file name says 0 cores; a core count is 1 to 1048576");
    }

    @Test
    void aSymbolicLinkLoopIsNamedAsALoop(@TempDir Path dir) throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        assertThatThrownBy(() -> RunInput.load(a))
                .isInstanceOf(BadInputException.class)
                .hasMessage(a + ": a symbolic link loop (the links never reach a file)");
    }

    @Test
    void aLoopingResultFileInsideARunDirectoryIsNamedAsALoop(@TempDir Path dir) throws IOException {
        Path loop = dir.resolve("cores-1.json");
        Files.createSymbolicLink(loop, loop);

        assertThatThrownBy(() -> RunInput.load(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessage(loop + ": a symbolic link loop (the links never reach a file)");
    }

    @Test
    void aDanglingLinkIsNamedAsDangling(@TempDir Path dir) throws IOException {
        Path link = dir.resolve("cores-1.json");
        Files.createSymbolicLink(link, dir.resolve("gone.json"));

        assertThatThrownBy(() -> RunInput.load(link))
                .isInstanceOf(BadInputException.class)
                .hasMessage(link + ": a dangling symbolic link (its target does not exist)");
    }

    @Test
    void aFifoIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("cores-1.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThatThrownBy(() -> RunInput.load(fifo))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage(fifo + ": not a regular file (a FIFO, device or socket); parbench reads files and run directories only");
            assertThatThrownBy(() -> RunInput.load(dir))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(fifo + ": not a regular file");
        });
    }

    @Test
    void aFifoManifestIsRefusedWithoutWaitingForAWriter(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.jmh("real-jmh-1.37-avgt.json"), dir.resolve("cores-1.json"));
        Path fifo = dir.resolve("manifest.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(30, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> RunInput.load(dir))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(fifo + ": not a regular file"));
    }
}
