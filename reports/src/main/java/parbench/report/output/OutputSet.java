package parbench.report.output;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import parbench.report.jmh.BadInputException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The files one command writes, written all or none: each goes to a temp file in its own
 * directory ({@code .NAME.<random>.partial}), is flushed to the disk ({@link FileChannel#force}),
 * closed, checked (parsed, where it is JSON), and only when every one of them is complete are they
 * renamed into place. A failure removes every temp file, leaves every target as it was, and is a
 * {@link BadInputException} naming the file and the reason in a few words ({@code no space left on
 * device}, {@code permission denied}, ...): one line and exit 2 in the CLIs.
 *
 * <p>Outputs never clobber inputs: {@link #write} refuses a target that resolves (symbolic links
 * followed) to an input file, or to a file parbench reads inside an input run directory
 * ({@code manifest.json}, {@code cores-<c>.json}, {@code python-cores-<c>.json}), and a target
 * that exists but is not a regular file ({@code /dev/null}, a directory, a FIFO).
 *
 * <p>Not thread-safe: one command builds and writes one set.
 */
public final class OutputSet {

    /** What renders one output. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Whether a written file is checked as JSON before it is published. */
    public enum Check { NONE, JSON }

    /** The files of a run directory that parbench reads. */
    private static final Pattern RUN_FILE = Pattern.compile("manifest\\.json|(python-)?cores-\\d+\\.json");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private record Output(Path target, Content content, Check check) {}

    private final List<Path> inputs;
    private final List<Output> outputs = new ArrayList<>();

    /** A set that will refuse to write over any of {@code inputs} (files or run directories). */
    public OutputSet(List<Path> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    /** Adds an output; nothing is written before {@link #write}. */
    public OutputSet add(Path target, Check check, Content content) {
        outputs.add(new Output(target, content, check));
        return this;
    }

    /**
     * Writes every output, or none.
     *
     * @throws BadInputException naming the first output that cannot be written, and why; every
     *     temp file is gone and no target has changed (the renames come last, all in one directory
     *     each, and fail only if the file system does between two of them)
     * @throws IOException if a temp file cannot be removed
     */
    public void write() throws BadInputException, IOException {
        List<Path> targets = new ArrayList<>();
        for (Output output : outputs) {
            Path target = checkedTarget(output.target());
            if (targets.contains(target)) {
                throw new BadInputException(output.target(), "given as two outputs; choose distinct files");
            }
            targets.add(target);
        }
        List<Path> temps = new ArrayList<>();
        try {
            for (int i = 0; i < outputs.size(); i++) {
                temps.add(stage(outputs.get(i), targets.get(i)));
            }
            for (int i = 0; i < outputs.size(); i++) {
                publish(outputs.get(i).target(), temps.get(i), targets.get(i));
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The target as an absolute path with its directory's links resolved; refuses inputs and non-files. */
    private Path checkedTarget(Path given) throws BadInputException {
        Path absolute = given.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new BadInputException(given, "cannot write: not a file path");
        }
        if (!Files.isDirectory(parent)) {
            throw new BadInputException(given, "cannot write: the directory " + parent + " does not exist");
        }
        Path resolved;
        try {
            resolved = Files.exists(absolute) ? absolute.toRealPath() : parent.toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new BadInputException(given, "cannot write: " + WriteFailure.reason(e), e);
        }
        if (Files.isSymbolicLink(absolute) && !Files.exists(absolute)) {
            throw new BadInputException(given, "cannot write: a dangling symbolic link");
        }
        if (Files.exists(resolved, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(resolved)) {
                throw new BadInputException(given, "cannot write: is a directory");
            }
            if (!Files.isRegularFile(resolved)) {
                throw new BadInputException(given, "cannot write: not a regular file (a device, FIFO or socket)");
            }
        }
        for (Path input : inputs) {
            Path real;
            try {
                real = input.toRealPath();
            } catch (IOException e) {
                continue; // an input that does not resolve was refused when it was read
            }
            if (real.equals(resolved)) {
                throw new BadInputException(given, "is an input of this command; choose another output");
            }
            if (Files.isDirectory(real) && real.equals(resolved.getParent())
                    && RUN_FILE.matcher(resolved.getFileName().toString()).matches()) {
                throw new BadInputException(given, "is part of the input run directory " + input
                        + "; choose another output");
            }
        }
        return resolved;
    }

    /** Writes one output to a forced, closed, checked temp file beside its target; returns the temp. */
    private static Path stage(Output output, Path target) throws BadInputException, IOException {
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".partial");
        } catch (IOException e) {
            throw new BadInputException(output.target(), "cannot write: " + WriteFailure.reason(e), e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                        StandardCharsets.UTF_8));
                output.content().writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // not POSIX: the temp file keeps the user's default ACL
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw new BadInputException(output.target(), "cannot write: " + WriteFailure.reason(e), e);
        } catch (RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (output.check() == Check.JSON) {
            try {
                JSON.readTree(temp.toFile());
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw new IllegalStateException("the JSON rendered for " + output.target() + " does not parse", e);
            }
        }
        return temp;
    }

    private static void publish(Path given, Path temp, Path target) throws BadInputException {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new BadInputException(given, "cannot write: " + WriteFailure.reason(e), e);
        }
    }
}
