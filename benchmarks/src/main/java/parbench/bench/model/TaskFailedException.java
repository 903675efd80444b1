package parbench.bench.model;

/** A task of a batch failed; names the input's index and keeps the cause. */
public final class TaskFailedException extends RuntimeException {

    private final int index;

    public TaskFailedException(int index, String message, Throwable cause) {
        super("task " + index + " failed: " + message, cause);
        this.index = index;
    }

    /** The failing input's index within its batch. */
    public int index() {
        return index;
    }
}
