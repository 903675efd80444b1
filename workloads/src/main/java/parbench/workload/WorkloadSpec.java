package parbench.workload;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import parbench.workload.wiki.WikiCorpus;
import parbench.workload.wiki.WikiPageChecker;

/**
 * A workload as data: its id ({@code sleep}, {@code cpu}, {@code wiki}, {@code noop}) and the
 * string parameters that rebuild it. This is what crosses a process boundary instead of a lambda.
 *
 * @param id     the workload's registered id
 * @param params its parameters by name, kept sorted so equal specs print alike
 */
public record WorkloadSpec(String id, Map<String, String> params) {

    public WorkloadSpec {
        params = Map.copyOf(new TreeMap<>(params));
    }

    /** Builds the workload this spec describes; the caller owns (and closes) it. */
    public Workload<?, ?> open() {
        return switch (id) {
            case ComputeX.ID -> new ComputeX(
                    Duration.ofMillis(longParam("taskMillis")), (int) longParam("y"));
            case CpuTask.ID -> new CpuTask(longParam("work"));
            case NoopTask.ID -> new NoopTask();
            case WikiPageChecker.ID -> WikiPageChecker.create(
                    string("baseUrl"),
                    (int) longParam("concurrency"),
                    Duration.ofMillis(longParam("timeoutMillis")),
                    new WikiCorpus(Double.parseDouble(params.getOrDefault(
                            "missingFraction", Double.toString(WikiCorpus.DEFAULT_MISSING_FRACTION)))));
            default -> throw new IllegalArgumentException(
                    "unknown workload id '" + id + "' (known: sleep, cpu, wiki, noop)");
        };
    }

    public String string(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("workload '" + id + "' needs parameter '" + name + "'");
        }
        return value;
    }

    public long longParam(String name) {
        String value = string(name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "workload '" + id + "' parameter '" + name + "' is not a whole number: '" + value + "'", e);
        }
    }
}
