package parbench.report.analysis;

import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.Metric;

/**
 * One result as the report shows it: where it came from, its score in the normalised unit, and the derived figures
 * (null where they do not apply: a benchmark without a {@code model} param, a missing {@code sequential} baseline,
 * a workload without a physical ideal).
 *
 * @param input       index of the INPUT it came from
 * @param cores       core count it ran at, or null when unknown
 * @param workload    {@code SleepBenchmark.batch} and so on: the benchmark's short name
 * @param model       the {@code model} param, or null
 * @param parallelism the effective parallelism ({@code -1}/{@code 0} resolved to the core count), or null
 * @param metric      the primary metric in {@code ms/op} or {@code ops/s} where it is a time unit
 * @param speedup     sequential time / this time at the same other params and core count
 * @param idealMillis the physical ideal time of this batch in ms
 * @param efficiency  ideal / measured, 1.0 being the physical bound
 */
public record Row(
        int input,
        Integer cores,
        boolean python,
        String workload,
        WorkloadKind kind,
        String model,
        Integer parallelism,
        BenchmarkResult result,
        Metric metric,
        Double speedup,
        Double idealMillis,
        Double efficiency) {

    /** The params other than model and parallelism: what "the same workload" means for a speedup. */
    public java.util.Map<String, String> workloadParams() {
        var params = new java.util.LinkedHashMap<>(result.params());
        params.remove("model");
        params.remove("parallelism");
        return params;
    }

    public boolean isTimePerOp() {
        return parbench.report.jmh.TimeUnits.kind(metric.unit()) == parbench.report.jmh.TimeUnits.Kind.TIME_PER_OP;
    }

    /**
     * The requests per second this I/O batch asked of the stub: {@code tasks} checks per batch time. Null for
     * other workloads, or where {@code tasks} or a time-per-op score is missing.
     */
    public Double requestsPerSecond() {
        if (kind != WorkloadKind.IO || !isTimePerOp() || !(metric.score() > 0)) {
            return null;
        }
        return result.param("tasks").map(tasks -> {
            try {
                return Double.parseDouble(tasks) * 1000 / metric.score();
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    public Double peakInFlight() {
        Metric peak = result.secondaryMetrics().get("peakInFlight");
        return peak == null ? null : peak.score();
    }
}
