package parbench.report.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
