package parbench.report.jmh;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a JMH JSON result array: one benchmark method at one combination of params.
 *
 * @param benchmark        fully qualified method name, as JMH wrote it
 * @param mode             {@code thrpt}, {@code avgt}, {@code sample}, {@code ss} (or whatever the file said)
 * @param params           the {@code @Param} values in file order; empty when the benchmark has none
 * @param threads          benchmark threads
 * @param forks            forks
 * @param jvm              the forked JVM's path; empty before JMH 1.19
 * @param jvmArgs          the forked JVM's arguments
 * @param jdkVersion       {@code java.version} of the forked JVM; empty before JMH 1.19
 * @param vmName           VM name; empty before JMH 1.19
 * @param vmVersion        VM version; empty before JMH 1.19
 * @param jmhVersion       JMH version; empty before JMH 1.19
 * @param warmupIterations warm-up iterations per fork
 * @param warmupTime       warm-up iteration time as JMH wrote it ("10 s")
 * @param measurementIterations measurement iterations per fork
 * @param measurementTime  measurement iteration time as JMH wrote it
 * @param primaryMetric    the score
 * @param secondaryMetrics secondary metrics by name, with JMH's old {@code ·} prefix removed
 *                         ({@code ·gc.alloc.rate} and {@code gc.alloc.rate} are both {@code gc.alloc.rate})
 */
public record BenchmarkResult(
        String benchmark,
        String mode,
        Map<String, String> params,
        int threads,
        int forks,
        Optional<String> jvm,
        List<String> jvmArgs,
        Optional<String> jdkVersion,
        Optional<String> vmName,
        Optional<String> vmVersion,
        Optional<String> jmhVersion,
        int warmupIterations,
        String warmupTime,
        int measurementIterations,
        String measurementTime,
        Metric primaryMetric,
        Map<String, Metric> secondaryMetrics) {

    public BenchmarkResult {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        jvmArgs = List.copyOf(jvmArgs);
        secondaryMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondaryMetrics));
    }

    /** The part of {@link #benchmark()} after the last dot but one: {@code SleepBenchmark.batch}. */
    public String shortName() {
        int last = benchmark.lastIndexOf('.');
        int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
        return benchmark.substring(previous + 1);
    }

    /** The class part of {@link #shortName()}, or the whole name when it has no dot. */
    public String benchmarkClass() {
        String shortName = shortName();
        int dot = shortName.indexOf('.');
        return dot < 0 ? shortName : shortName.substring(0, dot);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** The benchmark name plus its params: what identifies "the same benchmark" in a file. */
    public String key() {
        return params.isEmpty() ? benchmark : benchmark + params;
    }
}
