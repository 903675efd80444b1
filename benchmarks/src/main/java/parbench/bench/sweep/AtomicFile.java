package parbench.bench.sweep;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file that readers see either whole or not at all: content goes to a hidden temp file beside
 * it ({@code .NAME.partial}), which is then renamed over it. Stateless.
 */
public final class AtomicFile {

    private AtomicFile() {}

    /** The temp name beside {@code file} that writers fill before {@link #publish}. */
    public static Path partial(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".partial");
    }

    /** Writes {@code content} to {@code file} atomically. */
    public static void write(Path file, byte[] content) throws IOException {
        Path temp = partial(file);
        Files.write(temp, content);
        publish(temp, file);
    }

    /** Renames a finished {@code temp} over {@code file}, atomically where the file system can. */
    public static void publish(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
