package parbench.bench.model;

import java.util.List;

/**
 * Every outcome of a batch, in input order.
 *
 * @param outcomes one per input, {@code outcomes.get(i).index() == i}
 * @param <O>      output type
 */
public record BatchResult<O>(List<TaskOutcome<O>> outcomes) {

    public BatchResult {
        outcomes = List.copyOf(outcomes);
    }

    /** The outputs in input order; a {@link TaskFailedException} for the first failure, if any. */
    public List<O> values() {
        return outcomes.stream().map(outcome -> switch (outcome) {
            case TaskOutcome.Success<O> success -> success.value();
            case TaskOutcome.Failure<O> failure -> throw TaskFailedException.of(failure);
        }).toList();
    }

    public List<TaskOutcome.Failure<O>> failures() {
        return outcomes.stream()
                .<TaskOutcome.Failure<O>>mapMulti((outcome, sink) -> {
                    if (outcome instanceof TaskOutcome.Failure<O> failure) {
                        sink.accept(failure);
                    }
                })
                .toList();
    }
}
