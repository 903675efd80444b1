package parbench.bench.process;

import java.util.List;

import parbench.bench.model.ConcurrencyModel;
import parbench.bench.model.ModelSettings;
import parbench.bench.model.ModelType;
import parbench.workload.Workload;

/**
 * {@code process-spawn}: {@code p} fresh worker JVMs for every batch, closed at its end; a
 * {@code multiprocessing.Pool} created per call. Start-up (JVM boot, class loading, the first
 * tasks running in the interpreter) is part of every batch: that is what this model measures,
 * next to {@code process-workers}, which pays it once per trial.
 *
 * <p>Batches run one at a time; between batches the model holds no process.
 */
public final class ProcessSpawnModel implements ConcurrencyModel {

    private final ModelSettings settings;
    private final WorkerCommand command;
    private final Object lock = new Object();
    /** The pool of the batch now running, so {@link #close()} can end it; guarded by {@link #lock}. */
    private ProcessWorkerPool current;
    private boolean closed;

    public ProcessSpawnModel(ModelSettings settings) {
        this(settings, WorkerCommand.workerMain());
    }

    ProcessSpawnModel(ModelSettings settings, WorkerCommand command) {
        this.settings = settings;
        this.command = command;
        command.prepareArchive();
    }

    @Override
    public String name() {
        return ModelType.PROCESS_SPAWN.modelName();
    }

    @Override
    public int parallelism() {
        return settings.parallelism();
    }

    @Override
    public <I, O> List<O> run(Workload<I, O> workload, List<I> inputs) {
        try (var pool = open()) {
            return pool.run(workload, inputs, settings.chunkSize(), settings.taskTimeout());
        } finally {
            synchronized (lock) {
                current = null;
            }
        }
    }

    private ProcessWorkerPool open() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException(name() + " model is closed");
            }
            current = new ProcessWorkerPool(command, settings.parallelism());
            return current;
        }
    }

    /** Ends the pool of a batch still running, if any; idempotent. */
    @Override
    public void close() {
        ProcessWorkerPool running;
        synchronized (lock) {
            closed = true;
            running = current;
        }
        if (running != null) {
            running.close();
        }
    }
}
