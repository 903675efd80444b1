package parbench.bench.model;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of concurrency models, by the names benchmarks take as their {@code model}
 * parameter and reports show as rows. Adding a model is one class and one line here.
 */
public enum ModelType {
    PROCESS_WORKERS("process-workers", parbench.bench.process.ProcessWorkersModel::new),
    PROCESS_SPAWN("process-spawn", parbench.bench.process.ProcessSpawnModel::new),
    SEQUENTIAL("sequential", SequentialModel::new);

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
