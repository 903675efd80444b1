package parbench.bench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One JMH invocation of a core count: one benchmark over a grid of parameters (JMH measures every
 * combination), each point in {@code forks} forks. Immutable.
 *
 * @param benchmark the full benchmark name, e.g. {@code parbench.bench.SleepBenchmark.batch}
 * @param params parameter name to the values of the grid, in order; every list non-empty
 * @param forks JMH forks per point, 0 for the host JVM
 */
public record JmhRun(String benchmark, Map<String, List<String>> params, int forks) {

    public JmhRun {
        var copy = new LinkedHashMap<String, List<String>>();
        params.forEach((name, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("parameter " + name + " of " + benchmark + " has no value");
            }
            copy.put(name, List.copyOf(values));
        });
        params = java.util.Collections.unmodifiableMap(copy);
    }

    /** How many points JMH measures: the product of the grid's sizes. */
    public int points() {
        return params.values().stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
    }

    /** Every point of the grid, as JMH runs them (the last parameter varying fastest). */
    public List<Map<String, String>> expand() {
        List<Map<String, String>> points = List.of(Map.of());
        for (var param : params.entrySet()) {
            var next = new ArrayList<Map<String, String>>();
            for (Map<String, String> point : points) {
                for (String value : param.getValue()) {
                    var extended = new LinkedHashMap<>(point);
                    extended.put(param.getKey(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }

    /** The selection and {@code -p} options of this run: {@code ^NAME$ -p model=a,b -p tasks=100 ...}. */
    public List<String> options() {
        var options = new ArrayList<String>();
        options.add("^" + Pattern.quote(benchmark) + "$");
        params.forEach((name, values) -> options.addAll(List.of("-p", name + "=" + String.join(",", values))));
        return options;
    }
}
