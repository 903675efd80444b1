package parbench.bench.model;

import java.util.ArrayList;
import java.util.List;

import parbench.workload.Workload;

/**
 * A plain loop on the calling thread: the baseline every speedup divides by. {@code n_jobs} and
 * the chunk size are ignored.
 *
 * <p>Thread-safety: stateless; batches may run from any thread.
 */
final class SequentialModel implements ConcurrencyModel {

    SequentialModel(ModelSettings settings) {}

    @Override
    public String name() {
        return ModelType.SEQUENTIAL.modelName();
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    public <I, O> List<O> run(Workload<I, O> workload, List<I> inputs) {
        var outputs = new ArrayList<O>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            try {
                outputs.add(workload.apply(inputs.get(i)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskFailedException(i, "interrupted", e);
            } catch (Exception e) {
                throw new TaskFailedException(i, String.valueOf(e), e);
            }
        }
        return outputs;
    }

    @Override
    public void close() {}
}
