package parbench.bench.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Worker to parent: how one task ended. One JSON object on one line of the worker's stdout, in
 * the order the tasks were sent.
 *
 * @param index  the index of the {@link TaskFrame} this answers
 * @param output the output as JSON when the task succeeded (decoded by the parent with the
 *               workload's {@code outputType()}); absent when it failed
 * @param error  absent when the task succeeded; else the exception the task threw in the worker,
 *               as {@code Throwable.toString()} (class name and message)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultFrame(int index, JsonNode output, String error) {

    public static ResultFrame success(int index, JsonNode output) {
        return new ResultFrame(index, output, null);
    }

    public static ResultFrame failure(int index, Throwable error) {
        return new ResultFrame(index, null, String.valueOf(error));
    }

    public boolean failed() {
        return error != null;
    }
}
