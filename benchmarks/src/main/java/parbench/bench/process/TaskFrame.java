package parbench.bench.process;

import com.fasterxml.jackson.databind.JsonNode;

import parbench.workload.WorkloadSpec;

/**
 * Parent to worker: run one task. One JSON object on one line of the worker's stdin (see
 * {@link FrameCodec} for the whole protocol).
 *
 * @param index the task's input index within its batch; 0 or more
 * @param spec  the workload that runs it, as data: the worker rebuilds it with {@link WorkloadSpec#open()}
 * @param input the input value as JSON, decoded in the worker with the workload's {@code inputType()}
 */
public record TaskFrame(int index, WorkloadSpec spec, JsonNode input) {}
