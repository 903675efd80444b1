package parbench.bench.model;

/** A task of a batch failed; names the input's index and keeps the cause. */
public final class TaskFailedException extends RuntimeException {

    private final int index;

    public TaskFailedException(int index, String message, Throwable cause) {
        super("task " + index + " failed: " + message, cause);
        this.index = index;
    }

    static TaskFailedException of(TaskOutcome.Failure<?> failure) {
        if (failure.error() instanceof TaskFailedException already) {
            return already;
        }
        return new TaskFailedException(failure.index(), String.valueOf(failure.error()), failure.error());
    }

    /** The failing input's index within its batch. */
    public int index() {
        return index;
    }
}
