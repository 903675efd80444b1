package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic for real: on a full disk nothing truncated gets a final name and no temp file stays. */
class AtomicFileTest {

    private static final parbench.bench.faults.FaultLedger LEDGER = new parbench.bench.faults.FaultLedger("disk-full");

    @org.junit.jupiter.api.AfterAll
    static void writeLedger() {
        LEDGER.write();
    }

    @Test
    void aWrittenFileIsCompleteAndNothingElseIsLeft(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("manifest.json");
        AtomicFile.write(file, "{\"a\": 1}".getBytes(StandardCharsets.UTF_8), true);

        assertThat(Files.readString(file)).isEqualTo("{\"a\": 1}");
        assertThat(names(dir)).containsExactly("manifest.json");
    }

    @Test
    void aFullDiskLeavesTheOldFileAndNoTempFileAndSaysSo(@TempDir Path dir) throws Exception {
        try (var disk = FullDisk.mount(dir)) {
            Path file = disk.path().resolve("manifest.json");
            Files.writeString(file, "{\"old\": true}");
            disk.fill();

            var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> AtomicFile.write(file, new byte[64 * 1024], false));
            LEDGER.record(new parbench.bench.faults.FaultLedger.Fault("manifest written on a full disk",
                    thrown != null && (file + ": cannot write: no space left on device").equals(thrown.getMessage())
                            && Files.readString(file).equals("{\"old\": true}") && names(disk.path()).size() == 2,
                    0, names(disk.path()).size() - 2));
            assertThat(thrown).isInstanceOf(IOException.class)
                    .hasMessage(file + ": cannot write: no space left on device");
            assertThat(Files.readString(file)).isEqualTo("{\"old\": true}");
            assertThat(names(disk.path())).containsExactly("filler", "manifest.json");
        }
    }

    @Test
    void aTruncatedJmhResultIsNotPublishedAndTheReasonNamesTheFullDisk(@TempDir Path dir) throws Exception {
        try (var disk = FullDisk.mount(dir)) {
            Path result = disk.path().resolve("cores-1.json");
            Path partial = AtomicFile.partial(result);
            // what JMH leaves when the disk fills mid-write: the start of a JSON array
            Files.writeString(partial, "[\n    {\n        \"jmhVersion\" : \"1.37\",\n        \"bench");
            disk.fill();

            var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> AtomicFile.publishJson(partial, result));
            LEDGER.record(new parbench.bench.faults.FaultLedger.Fault("JMH result truncated by a full disk",
                    thrown != null && String.valueOf(thrown.getMessage()).contains("no space left on device"), 0,
                    Files.exists(result) ? 1 : 0));
            assertThat(thrown).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(result + ": incomplete JSON (")
                    .hasMessageContaining("not published: no space left on device");
            assertThat(names(disk.path())).containsExactly("filler");
        }
    }

    @Test
    void aTruncatedResultOnADiskWithRoomIsRefusedWithoutBlamingTheDisk(@TempDir Path dir) throws IOException {
        Path result = dir.resolve("cores-1.json");
        Path partial = AtomicFile.partial(result);
        Files.writeString(partial, "[ {");

        assertThatThrownBy(() -> AtomicFile.publishJson(partial, result))
                .hasMessage(result + ": incomplete JSON (3 bytes), not published");
        assertThat(names(dir)).isEmpty();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A 256 KiB tmpfs (root only; skipped elsewhere), filled on demand to its last byte. */
    static final class FullDisk implements AutoCloseable {
        private final Path point;

        private FullDisk(Path point) {
            this.point = point;
        }

        static FullDisk mount(Path parent) throws IOException, InterruptedException {
            Path point = Files.createDirectories(parent.resolve("tmpfs"));
            assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", point.toString()) == 0,
                    "mounting a tmpfs needs root");
            return new FullDisk(point);
        }

        Path path() {
            return point;
        }

        void fill() throws IOException {
            try (var out = Files.newOutputStream(point.resolve("filler"))) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                }
            } catch (IOException e) {
                if (!String.valueOf(e.getMessage()).contains("No space left on device")) {
                    throw e;
                }
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (run("umount", point.toString()) != 0) {
                throw new IOException("umount " + point + " failed");
            }
        }

        private static int run(String... command) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
        }
    }
}
