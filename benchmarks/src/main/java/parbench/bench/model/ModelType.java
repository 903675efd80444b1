package parbench.bench.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import parbench.bench.process.ProcessSpawnModel;
import parbench.bench.process.ProcessWorkersModel;

/**
 * The registry of concurrency models, by the names benchmarks take as their {@code model}
 * parameter and reports show as rows. Adding a model is one class and one line here.
 */
public enum ModelType {
    SEQUENTIAL("sequential", SequentialModel::new),
    THREAD_PER_TASK("thread-per-task", ThreadPerTaskModel::new),
    FIXED_POOL("fixed-pool", FixedPoolModel::new),
    FORK_JOIN("fork-join", ForkJoinModel::new),
    COMMON_POOL("common-pool", CommonPoolModel::new),
    PARALLEL_STREAM("parallel-stream", ParallelStreamModel::new),
    VIRTUAL_THREADS("virtual-threads", VirtualThreadsModel::new),
    VIRTUAL_THREADS_BOUNDED("virtual-threads-bounded", BoundedVirtualThreadsModel::new),
    PROCESS_WORKERS("process-workers", ProcessWorkersModel::new),
    PROCESS_SPAWN("process-spawn", ProcessSpawnModel::new);

    private final String modelName;
    private final Function<ModelSettings, ConcurrencyModel> factory;

    ModelType(String modelName, Function<ModelSettings, ConcurrencyModel> factory) {
        this.modelName = modelName;
        this.factory = factory;
    }

    /** The kebab-case name, e.g. {@code fixed-pool}. */
    public String modelName() {
        return modelName;
    }

    /** Builds the model; the caller owns and closes it. */
    public ConcurrencyModel create(ModelSettings settings) {
        return factory.apply(settings);
    }

    /** The model type named {@code name}; the error lists the known names. */
    public static ModelType named(String name) {
        return Arrays.stream(values())
                .filter(type -> type.modelName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "' (known: "
                        + Arrays.stream(values()).map(ModelType::modelName).collect(Collectors.joining(", ")) + ")"));
    }
}
