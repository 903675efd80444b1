package parbench.report.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A tmpfs of a few KiB mounted for one test (root only; the test is skipped elsewhere): a real
 * full disk, where writes fail with ENOSPC, or a real read-only file system. Unmounted by
 * {@link #close}.
 */
public final class SmallTmpfs implements AutoCloseable {

    private final Path mountPoint;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code kib} KiB at a new directory inside {@code parent}; skips the test if it cannot. */
    public static SmallTmpfs mount(Path parent, int kib, boolean readOnly) throws IOException, InterruptedException {
        Path point = Files.createDirectories(parent.resolve("tmpfs"));
        String options = "size=" + kib + "k" + (readOnly ? ",ro" : "");
        int status = run(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", point.toString()));
        assumeTrue(status == 0, "mounting a tmpfs needs root (mount exited " + status + ")");
        return new SmallTmpfs(point);
    }

    public Path path() {
        return mountPoint;
    }

    /** Fills the file system to its last bytes with one file, so that the next write fails. */
    public void fill() throws IOException {
        byte[] block = new byte[4096];
        try (var out = Files.newOutputStream(mountPoint.resolve("filler"))) {
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
        int status = run(List.of("umount", mountPoint.toString()));
        if (status != 0) {
            throw new IOException("umount " + mountPoint + " exited " + status);
        }
    }

    private static int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
