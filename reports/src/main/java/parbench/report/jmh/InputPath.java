package parbench.report.jmh;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What an input path names, checked before anything opens it: a regular file, a directory, or a
 * {@link BadInputException} saying exactly why it is neither. A FIFO, a device or a socket is
 * refused rather than opened (opening a FIFO with no writer blocks for ever); a symbolic link
 * loop and a dangling link are named as such rather than reported as missing. Stateless.
 */
public final class InputPath {

    /** What a usable input path names. */
    public enum Kind { FILE, DIRECTORY }

    private InputPath() {}

    /**
     * The kind of {@code path}, links followed.
     *
     * @throws BadInputException naming {@code path}: missing, a link loop, a dangling link, or not a
     *     regular file or directory
     */
    public static Kind of(Path path) throws BadInputException {
        BasicFileAttributes own;
        try {
            own = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path, "no such file or directory", e);
        } catch (IOException e) {
            throw new BadInputException(path, "cannot be read: " + reason(e), e);
        }
        BasicFileAttributes target = own;
        if (own.isSymbolicLink()) {
            try {
                target = Files.readAttributes(path.toRealPath(), BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                throw new BadInputException(path, "a dangling symbolic link (its target does not exist)", e);
            } catch (FileSystemException e) {
                if (String.valueOf(e.getReason()).contains("Too many levels of symbolic links")) {
                    throw new BadInputException(path, "a symbolic link loop (the links never reach a file)", e);
                }
                throw new BadInputException(path, "cannot follow the symbolic link: " + reason(e), e);
            } catch (IOException e) {
                throw new BadInputException(path, "cannot follow the symbolic link: " + reason(e), e);
            }
        }
        if (target.isRegularFile()) {
            return Kind.FILE;
        }
        if (target.isDirectory()) {
            return Kind.DIRECTORY;
        }
        throw new BadInputException(path, "not a regular file (a FIFO, device or socket); parbench reads files and run directories only");
    }

    /** {@link #of}, insisting on a regular file. */
    public static void requireFile(Path path) throws BadInputException {
        if (of(path) != Kind.FILE) {
            throw new BadInputException(path, "is a directory, expected a file");
        }
    }

    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        return String.valueOf(reason).replaceAll("\\s+", " ").trim();
    }
}
