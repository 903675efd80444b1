package parbench.bench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which archive the {@code parbench.worker.cds*} properties choose, and the flags a pool worker gets. */
class StartupArchiveTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty("parbench.worker.cds");
        System.clearProperty("parbench.worker.cds.file");
    }

    @Test
    void noArchiveUnlessAsked() {
        assertThat(StartupArchive.fromSystemProperties().kind()).isEqualTo(StartupArchive.Kind.NONE);
        assertThat(StartupArchive.none().jvmFlags()).isEmpty();
    }

    @Test
    void appCdsWorkersMapTheArchiveAndNeverWriteIt() {
        System.setProperty("parbench.worker.cds", "appcds");
        System.setProperty("parbench.worker.cds.file", "/tmp/w.jsa");

        var archive = StartupArchive.fromSystemProperties();

        assertThat(archive).isEqualTo(new StartupArchive(StartupArchive.Kind.APP_CDS, Path.of("/tmp/w.jsa")));
        assertThat(archive.jvmFlags()).containsExactly("-XX:SharedArchiveFile=/tmp/w.jsa");
    }

    @Test
    void aotWorkersUseTheCache() {
        System.setProperty("parbench.worker.cds", "AOT");
        System.setProperty("parbench.worker.cds.file", "/tmp/w.aot");

        assertThat(StartupArchive.fromSystemProperties().jvmFlags()).containsExactly("-XX:AOTCache=/tmp/w.aot");
    }

    @Test
    void defaultArchiveFileLivesInTheTempDirectory() {
        System.setProperty("parbench.worker.cds", "appcds");

        Path file = StartupArchive.fromSystemProperties().file();

        assertThat(file.getParent()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
        assertThat(file.getFileName().toString()).matches("parbench-worker-\\p{XDigit}{8}\\.jsa");
    }

    @Test
    void anUnknownKindIsNamedInTheError() {
        System.setProperty("parbench.worker.cds", "zip");

        assertThatThrownBy(StartupArchive::fromSystemProperties)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dparbench.worker.cds=zip is not one of none, appcds, aot");
    }
}
