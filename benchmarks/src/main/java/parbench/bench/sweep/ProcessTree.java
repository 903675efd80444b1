package parbench.bench.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * {@link #destroy} for a process that leads its own process group (started under {@code setsid}),
     * then SIGKILL for whatever is left in that group: children it forked after the tree was
     * collected, which its death orphaned out of the tree (a pool replacing a worker it had just
     * lost). Those would otherwise outlive the run and hold its output pipe open.
     */
    public static void destroyGroup(Process leader) {
        destroy(leader);
        killGroup(leader.pid());
    }

    /** SIGKILLs every process of group {@code pgid} and waits up to 10 s for each; a no-op for an empty group. */
    public static void killGroup(long pgid) {
        List<ProcessHandle> members = ProcessHandle.allProcesses().filter(h -> groupOf(h.pid()) == pgid).toList();
        members.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle member : members) {
            try {
                member.onExit().get(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // SIGKILL was sent: a process stuck in the kernel goes when the kernel lets it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Whether {@code handle} still runs: alive and not a zombie. {@link ProcessHandle#isAlive()} is true
     * for a zombie too (it reads {@code /proc/<pid>/stat}, which a zombie keeps until its parent, or
     * {@code init} for an orphan, reaps it), though a zombie has exited: it runs no code and holds no
     * pipe, port or memory. Linux's state letter from {@code /proc/<pid>/stat}; elsewhere {@code isAlive()}.
     */
    public static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc", "self")) && handle.isAlive(); // gone meanwhile, or no /proc
        } catch (RuntimeException e) {
            return handle.isAlive();
        }
    }

    /** The process group of {@code pid} from Linux's {@code /proc/<pid>/stat}, or -1 when unknown. */
    static long groupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so count from the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException | RuntimeException e) {
            return -1; // gone meanwhile, or not Linux: not a member
        }
    }
}
