package parbench.bench.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * A file that readers see either whole or not at all. Content goes to a hidden temp file in the
 * same directory, is flushed to the disk ({@link FileChannel#force}), closed, checked where it is
 * JSON (parsed back from the disk), and only then renamed over the target. On any failure the temp
 * file is removed, the target is left as it was, and the {@link IOException} names the file and
 * the reason in a few words: {@code manifest.json: cannot write: no space left on device}.
 *
 * <p>JMH writes its own result file: the sweep points JMH at {@link #partial} and then
 * {@link #publishJson publishes} it under the same checks, so a result truncated by a full disk
 * never appears under its final name. Stateless and thread-safe.
 */
public final class AtomicFile {

    /** Below this much free space, a truncated file is put down to a full disk. */
    private static final long LOW_SPACE_BYTES = 1L << 20;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private AtomicFile() {}

    /** The temp name beside {@code file} that a child process (JMH) fills before {@link #publishJson}. */
    public static Path partial(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".partial");
    }

    /** {@link #write(Path, byte[], boolean)}, checked as JSON when the file's name ends with {@code .json}. */
    public static void write(Path file, byte[] content) throws IOException {
        write(file, content, file.getFileName().toString().endsWith(".json"));
    }

    /** Writes {@code content} to {@code file} atomically; {@code json}: parse it back before the rename. */
    public static void write(Path file, byte[] content, boolean json) throws IOException {
        Path temp;
        try {
            temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw failure(file, e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            if (json) {
                requireJson(file, temp);
            }
            move(temp, file);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e.getMessage() != null && e.getMessage().startsWith(file + ": ") ? e : failure(file, e);
        }
    }

    /**
     * Publishes a JSON file another process wrote to {@code temp}: forced to the disk, parsed in
     * full, then renamed over {@code file}. If it does not parse (a full disk truncated it, the
     * writer died) it is removed and the {@link IOException} says so, naming {@code file}.
     */
    public static void publishJson(Path temp, Path file) throws IOException {
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            requireJson(file, temp);
            move(temp, file);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e.getMessage() != null && e.getMessage().startsWith(file + ": ") ? e : failure(file, e);
        }
    }

    /** Renames a finished {@code temp} (a file or a symbolic link) over {@code file}, atomically where the file system can. */
    public static void publish(Path temp, Path file) throws IOException {
        move(temp, file);
    }

    private static void move(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void requireJson(Path file, Path temp) throws IOException {
        try {
            JSON.readTree(temp.toFile());
        } catch (IOException e) {
            long size = Files.size(temp);
            long free = Files.getFileStore(temp).getUsableSpace();
            throw new IOException(file + ": incomplete JSON (" + size + " bytes), not published"
                    + (free < LOW_SPACE_BYTES ? ": no space left on device (" + free / 1024 + " KiB free)" : ""), e);
        }
    }

    /** {@code <file>: cannot write: <reason>}, the reason as the system gives it, lower case. */
    static IOException failure(Path file, IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return new IOException(file + ": cannot write: " + String.valueOf(reason).toLowerCase(Locale.ROOT).strip(), e);
    }
}
