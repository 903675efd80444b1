package parbench.bench.faults;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * A process worker that answers wrongly: every whole-number answer (the CPU workload's) comes back
 * one more than computed. Set on a worker with {@code -Dparbench.testFault.workerOutput=} this class
 * ({@code WorkerMain.OUTPUT_FAULT_PROPERTY}); the benchmark's own verification must then fail the
 * point. Test sources only: it is not in {@code benchmarks.jar}. Stateless and thread-safe.
 */
public final class OffByOneOutput implements UnaryOperator<JsonNode> {

    @Override
    public JsonNode apply(JsonNode output) {
        return output.canConvertToLong() && output.isIntegralNumber() ? LongNode.valueOf(output.asLong() + 1) : output;
    }
}
