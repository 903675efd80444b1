package parbench.bench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import parbench.workload.Workload;

/** A plain loop on the calling thread: the baseline every speedup divides by. */
final class SequentialModel implements ConcurrencyModel {

    private final ModelSettings settings;

    SequentialModel(ModelSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return ModelType.SEQUENTIAL.modelName();
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public <I, O> BatchResult<O> run(Workload<I, O> workload, List<I> inputs) {
        var outcomes = new ArrayList<TaskOutcome<O>>(inputs.size());
        runAsCompleted(workload, inputs, outcomes::add);
        return new BatchResult<>(outcomes);
    }

    @Override
    public <I, O> void runAsCompleted(Workload<I, O> workload, List<I> inputs, Consumer<TaskOutcome<O>> sink) {
        for (int i = 0; i < inputs.size(); i++) {
            TaskOutcome<O> outcome;
            try {
                outcome = new TaskOutcome.Success<>(i, workload.apply(inputs.get(i)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskFailedException(i, "interrupted", e);
            } catch (Exception e) {
                if (settings.errorPolicy() == ErrorPolicy.FAIL_FAST) {
                    throw new TaskFailedException(i, String.valueOf(e), e);
                }
                outcome = new TaskOutcome.Failure<>(i, e);
            }
            sink.accept(outcome);
        }
    }

    @Override
    public void close() {}
}
