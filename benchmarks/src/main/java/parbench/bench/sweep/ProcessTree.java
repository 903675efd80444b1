package parbench.bench.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything it started (JMH forks, worker JVMs), so no orphan survives a
 * sweep. Stateless; safe from any thread, including shutdown hooks.
 */
public final class ProcessTree {

    private static final long GRACE_SECONDS = 10;

    private ProcessTree() {}

    /**
     * Sends SIGTERM to {@code process} and every descendant (children first are collected
     * before the parent can die and orphan them), waits up to 10 s each, then SIGKILLs the rest.
     */
    public static void destroy(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                handle.destroyForcibly();
            } catch (InterruptedException e) {
                tree.forEach(ProcessHandle::destroyForcibly);
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
