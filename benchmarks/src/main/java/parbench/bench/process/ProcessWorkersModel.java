package parbench.bench.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import parbench.bench.model.BatchResult;
import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.bench.model.ModelType;
import parbench.bench.model.TaskOutcome;
import parbench.workload.Workload;

/**
 * {@code process-workers}: {@code p} persistent worker JVMs, started (and awaited) when the model
 * is built, in the benchmark's trial set-up, and reused by every batch; joblib's loky backend,
 * {@code ProcessPoolExecutor}, {@code multiprocessing.Pool}. A batch pays the per-task round trip
 * through a pipe and JSON, not the start-up.
 *
 * <p>Batches run one at a time; {@link #close()} ends every worker (see {@link ProcessWorkerPool}).
 */
public final class ProcessWorkersModel implements ConcurrencyModel {

    private final ModelSettings settings;
    private final ProcessWorkerPool pool;

    public ProcessWorkersModel(ModelSettings settings) {
        this(settings, WorkerCommand.workerMain());
    }

    ProcessWorkersModel(ModelSettings settings, WorkerCommand command) {
        this.settings = settings;
        this.pool = new ProcessWorkerPool(command, settings.parallelism());
        try {
            pool.awaitReady();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return ModelType.PROCESS_WORKERS.modelName();
    }

    @Override
    public int parallelism() {
        return pool.size();
    }

    /** The pool's workers' pids, for observers (tests, diagnostics). */
    public List<Long> workerPids() {
        return pool.pids();
    }

    @Override
    public <I, O> BatchResult<O> run(Workload<I, O> workload, List<I> inputs) {
        var outcomes = new ArrayList<TaskOutcome<O>>(Collections.nCopies(inputs.size(), null));
        runAsCompleted(workload, inputs, outcome -> outcomes.set(outcome.index(), outcome));
        return new BatchResult<>(outcomes);
    }

    @Override
    public <I, O> void runAsCompleted(Workload<I, O> workload, List<I> inputs, Consumer<TaskOutcome<O>> sink) {
        pool.run(workload, inputs, settings.chunkSize(), settings.taskTimeout(), settings.errorPolicy(), sink);
    }

    @Override
    public void close() {
        pool.close();
    }
}
