package parbench.report.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why writing a file failed, in the few words a user acts on: {@code no space left on device},
 * {@code permission denied}, {@code read-only file system}, {@code is a directory}, ... Computed
 * from the {@link IOException}, whose message on Linux carries the system's error text. Stateless.
 */
public final class WriteFailure {

    private WriteFailure() {}

    /** The reason, lower case, one line. */
    public static String reason(IOException e) {
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        String lower = String.valueOf(text).toLowerCase(Locale.ROOT);
        if (lower.contains("no space left on device")) {
            return "no space left on device";
        }
        if (lower.contains("disk quota exceeded")) {
            return "disk quota exceeded";
        }
        if (lower.contains("read-only file system")) {
            return "read-only file system";
        }
        if (lower.contains("is a directory")) {
            return "is a directory";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "a parent is not a directory";
        }
        if (e instanceof NoSuchFileException) {
            return "the directory does not exist";
        }
        return InertText.of(String.valueOf(text).replaceAll("\\s+", " ").trim());
    }
}
