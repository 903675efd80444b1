package parbench.bench.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One sweep at a time per machine: {@code parbench run} and {@code parbench python} hold this lock
 * while they measure, so two sweeps never share (and skew) the same CPUs. A file lock (POSIX
 * {@code fcntl}, released by the kernel when the holder dies, even by SIGKILL) on
 * {@value #DEFAULT_PATH} unless {@code -Dparbench.sweepLock=FILE} names another; the file holds the
 * holder's pid, command and start time, which a refused sweep prints. The Python harness started
 * by hand takes the same lock ({@code fcntl.lockf}).
 *
 * <p>Thread-safety: {@link #close} may be called from any thread once.
 */
public final class SweepLock implements AutoCloseable {

    /** Beside JMH's own {@code /tmp/jmh.lock}. */
    public static final String DEFAULT_PATH = "/tmp/parbench-sweep.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private SweepLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another sweep holds the lock; the message is one line naming it. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;

        HeldException(String message) {
            super(message);
        }
    }

    /** The lock file: {@code -Dparbench.sweepLock}, else {@value #DEFAULT_PATH}. */
    public static Path path() {
        return Path.of(System.getProperty("parbench.sweepLock", DEFAULT_PATH));
    }

    /**
     * Takes the lock at once or refuses.
     *
     * @param command what this sweep is, recorded for a sweep refused while it runs
     * @throws HeldException naming the holder's pid and command
     * @throws IOException when the lock file cannot be opened, naming it
     */
    public static SweepLock acquire(Path file, String command) throws HeldException, IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot open the sweep lock " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM already
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new HeldException("another sweep is running on this machine (" + holder + ", lock " + file
                    + "); wait for it to finish: two sweeps at once would measure each other");
        }
        try {
            byte[] text = ("pid " + ProcessHandle.current().pid() + "\ncommand " + command.replaceAll("\\s+", " ")
                    + "\nsince " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(true);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw new IOException("cannot record the holder in " + file + ": " + e.getMessage(), e);
        }
        return new SweepLock(channel, lock);
    }

    /** {@code pid 1234: parbench run --profile quick, since 2026-12-01T20:00:00Z}, or what can be read of it. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            String pid = field(text, "pid");
            String command = field(text, "command");
            String since = field(text, "since");
            if (pid == null) {
                return "holder unknown";
            }
            return "pid " + pid + (command == null ? "" : ": " + command) + (since == null ? "" : ", since " + since);
        } catch (IOException e) {
            return "holder unknown: " + e.getMessage();
        }
    }

    private static String field(String text, String name) {
        return text.lines().filter(line -> line.startsWith(name + " ")).findFirst()
                .map(line -> line.substring(name.length() + 1).replaceAll("\\p{Cntrl}", "?").strip()).orElse(null);
    }

    /** Releases the lock; the file stays (a later sweep reuses it). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
