package parbench.bench.process;

/** What a {@link ProcessWorkerPool} batch does when a task fails. */
public enum ErrorPolicy {
    /** Cancel what is left and rethrow the first failure, naming the input's index. */
    FAIL_FAST,
    /** Run every task; return every result and every failure. */
    COLLECT
}
