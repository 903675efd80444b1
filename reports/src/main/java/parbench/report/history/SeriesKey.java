package parbench.report.history;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What makes results of different runs points of one series: the testbed, benchmark, mode, params, core count, the
 * Python flag and the (normalised) unit.
 *
 * @param testbedId   the testbed's id
 * @param testbedName the testbed's readable name
 * @param benchmark   fully qualified benchmark method
 * @param mode        JMH mode
 * @param params      params sorted by name
 * @param cores       the core count, or null for a plain JMH file
 * @param python      true for the Python harness's results
 * @param unit        the unit of the points
 */
public record SeriesKey(String testbedId, String testbedName, String benchmark, String mode,
                        Map<String, String> params, Integer cores, boolean python, String unit) {

    public SeriesKey {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /** {@code SleepBenchmark.batch avgt model=fork-join parallelism=2 cores=2}: for tables and chart titles. */
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
        return name.toString();
    }
}
