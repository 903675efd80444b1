package parbench.bench.process;

import java.util.List;

import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.bench.model.ModelType;
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
        command.prepareArchive();
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

    @Override
    public <I, O> List<O> run(Workload<I, O> workload, List<I> inputs) {
        return pool.run(workload, inputs, settings.chunkSize(), settings.taskTimeout());
    }

    @Override
    public void close() {
        pool.close();
    }
}
