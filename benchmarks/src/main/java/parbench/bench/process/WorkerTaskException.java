package parbench.bench.process;

/**
 * A task did not complete in its worker JVM: it threw there, the worker died, hung past the task
 * time-out, or broke the protocol. The message names the task's index and the worker's pid (and,
 * where the worker is gone, its exit status).
 */
public final class WorkerTaskException extends RuntimeException {

    private final int index;
    private final long pid;

    WorkerTaskException(int index, long pid, String message, Throwable cause) {
        super(message, cause);
        this.index = index;
        this.pid = pid;
    }

    /** The task's input index within its batch. */
    public int index() {
        return index;
    }

    /** The worker's process id. */
    public long pid() {
        return pid;
    }
}
