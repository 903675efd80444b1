package parbench.bench.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs another {@code main} in a JVM that dies with the sweep that started it. The sweep holds the
 * write end of the child's stdin pipe; whatever way the sweep's JVM ends (SIGKILL included, which
 * runs no shutdown hook), the kernel closes that end, and this watcher reads end-of-file: it then
 * SIGKILLs every descendant of this JVM (JMH forks, process-workers' worker JVMs) and halts. A
 * pipe, not a signal, because only the kernel outlives a SIGKILLed parent.
 *
 * <p>It halts: shutdown hooks do not run, so the watcher itself must end every descendant. Another
 * thread of this JVM may start a process while it does (JMH starting the next fork, a pool
 * replacing a worker), which a single {@link ProcessHandle#descendants()} snapshot misses and the
 * halt would orphan, outside any watch: so it kills in passes until a pass finds none running, and
 * waits for its own children to be reaped here instead of leaving them to {@code init}.
 *
 * <p>Usage: {@code java -cp ... parbench.bench.sweep.ParentWatch MAIN_CLASS ARGS...}, with stdin a
 * pipe the parent keeps open (never a terminal or {@code /dev/null}: those end at once or never).
 * The watched program must not read stdin itself. Thread-safety: one daemon thread reads stdin.
 */
public final class ParentWatch {

    /** Exit status when the parent went away: 128 + SIGKILL, as if killed with it. */
    static final int PARENT_GONE = 137;

    private ParentWatch() {}

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatch MAIN_CLASS [ARGS...]");
            System.exit(2);
        }
        watch(System.in);
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Starts the daemon thread that ends this JVM and its descendants when {@code in} ends. */
    static void watch(InputStream in) {
        Thread.ofPlatform().daemon().name("parbench-parent-watch").start(() -> {
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // the parent writes nothing; anything it does write is ignored
                }
            } catch (IOException e) {
                // a broken pipe is the parent gone, as end-of-file is
            }
            killDescendants();
            Runtime.getRuntime().halt(PARENT_GONE);
        });
    }

    /** Passes of {@link #killDescendants} at most: each catches what started during the one before. */
    private static final int KILL_PASSES = 10;
    /** How long one pass waits for this JVM's own children to exit, so the reaper collects them. */
    private static final long REAP_WAIT_MILLIS = 200;

    /**
     * SIGKILLs every running descendant of this JVM, again until a pass finds none running (at most
     * {@value #KILL_PASSES} passes), waiting up to {@value #REAP_WAIT_MILLIS} ms a pass for the direct
     * children to exit.
     */
    static void killDescendants() {
        for (int pass = 0; pass < KILL_PASSES; pass++) {
            List<ProcessHandle> running = ProcessHandle.current().descendants().filter(ProcessTree::isRunning).toList();
            if (running.isEmpty()) {
                return;
            }
            running.forEach(ProcessHandle::destroyForcibly);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REAP_WAIT_MILLIS);
            for (ProcessHandle child : ProcessHandle.current().children().toList()) {
                try {
                    child.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    // SIGKILL was sent: the next pass sees whether it is still running
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
