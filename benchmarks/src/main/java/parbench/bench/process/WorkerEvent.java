package parbench.bench.process;

/**
 * What a worker's reader thread saw on the worker's stdout, handed to the thread running the batch.
 * Every event names its {@link WorkerProcess}, so events of a worker already replaced are recognised.
 */
sealed interface WorkerEvent {

    WorkerProcess worker();

    /** The worker sent its {@link ReadyFrame}. */
    record Ready(WorkerProcess worker) implements WorkerEvent {}

    /** The worker answered a task. */
    record Result(WorkerProcess worker, ResultFrame frame) implements WorkerEvent {}

    /** The worker sent a line that is not the frame expected; the reader stopped. */
    record Malformed(WorkerProcess worker, String line, Exception cause) implements WorkerEvent {}

    /** The worker's stdout ended (it exited, or closed it) or could not be read; the reader stopped. */
    record Ended(WorkerProcess worker, Exception cause) implements WorkerEvent {}
}
