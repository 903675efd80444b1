package parbench.report.compare;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes two results "the same benchmark" on the two sides: benchmark, mode, params (order ignored), the core
 * count for run directories (null for a plain JMH file), the compared figure and its unit. Results with equal keys on
 * one side are pooled.
 *
 * @param benchmark fully qualified benchmark method
 * @param mode      JMH mode
 * @param params    the params, sorted by name
 * @param cores     core count of the run-directory file it came from, or null
 * @param figure    {@code score} (same hardware), {@code speedup} or {@code efficiency} (cross hardware)
 * @param unit      the normalised unit of the figure ({@code ms/op}, {@code ops/s}, {@code ×}, ...)
 */
public record ComparisonKey(String benchmark, String mode, Map<String, String> params, Integer cores, String figure,
                            String unit) {

    public ComparisonKey {
        params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /**
     * Written out rather than the record's generated one (an {@code invokedynamic} through method handles, which the
     * launcher's C1 compiles poorly): a comparison of 10,000 results hashes its keys about 100,000 times. The same
     * components, the same equality.
     */
    @Override
    public int hashCode() {
        int h = Objects.hashCode(benchmark);
        h = 31 * h + Objects.hashCode(mode);
        h = 31 * h + Objects.hashCode(params);
        h = 31 * h + Objects.hashCode(cores);
        h = 31 * h + Objects.hashCode(figure);
        return 31 * h + Objects.hashCode(unit);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ComparisonKey k && Objects.equals(benchmark, k.benchmark)
                && Objects.equals(mode, k.mode) && Objects.equals(cores, k.cores) && Objects.equals(figure, k.figure)
                && Objects.equals(unit, k.unit) && Objects.equals(params, k.params);
    }

    /** The benchmark and its params as JMH keys them ({@code name{a=1, b=2}}): what a thresholds file matches. */
    public String benchmarkWithParams() {
        return params.isEmpty() ? benchmark : benchmark + params;
    }

    /** A one-line name for tables: short benchmark name, mode, params, core count, and the figure when not the score. */
    public String display() {
        int last = benchmark.lastIndexOf('.');
        int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
        StringBuilder name = new StringBuilder(benchmark.substring(previous + 1)).append(' ').append(mode);
        if (!params.isEmpty()) {
            name.append(' ').append(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
        if (cores != null) {
            name.append(" cores=").append(cores);
        }
        if (!figure.equals("score")) {
            name.append(" [").append(figure).append(']');
        }
        return name.toString();
    }
}
