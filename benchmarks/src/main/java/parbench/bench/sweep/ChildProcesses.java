package parbench.bench.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The child processes of a sweep (JMH JVMs, Python harnesses), run one at a time: each is
 * started, its output copied to a log and followed for finished points, and stopped with its
 * descendants when the sweep is interrupted.
 *
 * <p>Thread-safety: {@link #run} is called from the sweep's thread; {@link #interrupt} and
 * {@link #interrupted} from any thread.
 */
final class ChildProcesses {

    private static final int SIGINT_EXIT = 128 + 2;
    private static final int SIGTERM_EXIT = 128 + 15;

    private volatile boolean interrupted;
    private volatile Process current;
    /** Whether {@link #current} leads its own process group (the Python harness under setsid). */
    private volatile boolean currentLeadsGroup;

    /**
     * Runs {@code command} to its end, copying its output to {@code log} and passing each finished
     * point that {@code progress} finds in a line to {@code onPoint}.
     *
     * @param leadsGroup whether the command starts its own process group ({@code setsid}), so the
     *     whole group is stopped with it
     * @return its exit status, -1 when this thread was interrupted
     */
    <P> int run(List<String> command, Writer log, boolean leadsGroup, Function<String, Optional<P>> progress,
            Consumer<P> onPoint) throws IOException {
        log.write("# parbench: " + String.join(" ", command) + "\n");
        currentLeadsGroup = leadsGroup;
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            currentLeadsGroup = false;
            throw new IOException("starting " + String.join(" ", command), e);
        }
        current = process;
        if (leadsGroup) {
            // when the leader is gone, so is its group: a leftover worker would hold the output pipe open
            process.onExit().thenRun(() -> ProcessTree.killGroup(process.pid()));
        }
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            if (interrupted) {
                ProcessTree.destroy(process);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                log.write(line);
                log.write('\n');
                progress.apply(line).ifPresent(onPoint);
            }
            log.flush();
            int exit = process.waitFor();
            if (exit == SIGINT_EXIT || exit == SIGTERM_EXIT) {
                // Ctrl-C reaches the whole foreground process group: the child may die of it before our hook runs
                interrupted = true;
            }
            return exit;
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            Thread.currentThread().interrupt();
            interrupted = true;
            return -1;
        } finally {
            current = null;
            currentLeadsGroup = false;
        }
    }

    /** Marks the sweep interrupted and stops the running child and its descendants, if any. */
    void interrupt() {
        interrupted = true;
        Process running = current;
        if (running != null) {
            if (currentLeadsGroup) {
                ProcessTree.destroyGroup(running);
            } else {
                ProcessTree.destroy(running);
            }
        }
    }

    /** Whether the sweep was interrupted (by {@link #interrupt} or a child dying of SIGINT/SIGTERM). */
    boolean interrupted() {
        return interrupted;
    }
}
