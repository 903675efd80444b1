package parbench.bench.model;

import java.util.Arrays;
import java.util.stream.Stream;

/** Test sources: the registered models that run tasks in this JVM (process models cannot take a fake workload). */
final class InProcessModels {

    private InProcessModels() {}

    static Stream<ModelType> all() {
        return Arrays.stream(ModelType.values()).filter(type -> !type.modelName().startsWith("process-"));
    }

    /** Those that enforce the per-task time-out (a plain loop cannot watch its own task). */
    static Stream<ModelType> concurrent() {
        return all().filter(type -> type != ModelType.SEQUENTIAL);
    }
}
