package parbench.bench.process;

/**
 * What one task of a batch ended with.
 *
 * @param <O> output type
 */
public sealed interface TaskOutcome<O> {

    /** The task's input index within its batch. */
    int index();

    record Success<O>(int index, O value) implements TaskOutcome<O> {}

    record Failure<O>(int index, Throwable error) implements TaskOutcome<O> {}
}
