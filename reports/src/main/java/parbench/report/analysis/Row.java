package parbench.report.analysis;

import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.Metric;
import parbench.report.jmh.TimeUnits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One result as the report shows it: where it came from, its score in the normalised unit, and the derived figures
 * (null where they do not apply: a benchmark without a {@code model} param, no matching {@code sequential} baseline,
 * a workload without a physical ideal).
 *
 * @param input              index of the INPUT it came from
 * @param cores              core count it ran at, or null when unknown
 * @param workload           {@code SleepBenchmark.batch} and so on: the benchmark's short name
 * @param model              the {@code model} param, or null
 * @param parallelism        the effective parallelism ({@code -1}/{@code 0} resolved to the core count), or null
 * @param metric             the primary metric in {@code ms/op} or {@code ops/s} where it is a time unit
 * @param speedup            sequential time / this time at the same params, resolved parallelism and core count
 * @param speedupInterval    the interval on {@code speedup}, or null when the data carry none
 * @param baselineNote       why there is no speedup, or which sequential row it divides by when that is not the
 *                           obvious one; null when the baseline matched exactly
 * @param idealMillis        the physical ideal time of this batch in ms, on the machine (see {@link SpeedupTable})
 * @param efficiency         ideal / measured, 1.0 being the physical bound
 * @param efficiencyInterval the interval on {@code efficiency}, or null
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
        Interval speedupInterval,
        String baselineNote,
        Double idealMillis,
        Double efficiency,
        Interval efficiencyInterval) {

    /** The params other than model and parallelism: what "the same workload" means for a speedup. */
    public Map<String, String> workloadParams() {
        var params = new LinkedHashMap<>(result.params());
        params.remove("model");
        params.remove("parallelism");
        return params;
    }

    /** This row's entry in the model vocabulary, or null for a benchmark without a {@code model} param. */
    public Model modelInfo() {
        return model == null ? null : Model.of(model);
    }

    /** Whether this row is a {@code sequential} (or {@code py-sequential}) baseline. */
    public boolean isBaseline() {
        return Model.isBaseline(model);
    }

    /** Tasks in flight at once, from the vocabulary; null without a model or a core count. */
    public Integer inFlight() {
        if (model == null || cores == null) {
            return null;
        }
        return modelInfo().inFlight(cores, parallelism, tasks());
    }

    /** The {@code tasks} param, or null. */
    public Integer tasks() {
        return result.param("tasks").map(t -> {
            try {
                return Integer.valueOf(t.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /**
     * An efficiency above the physical bound by more than its interval: the measurement, not the model, is wrong
     * (a baseline slowed by a neighbour, a clock, a workload that did not do its work). Never ranked.
     */
    public boolean beyondIdeal() {
        if (efficiency == null) {
            return false;
        }
        return efficiencyInterval == null ? efficiency > 1.0 : efficiencyInterval.low() > 1.0;
    }

    /** "2.00× [1.92, 2.08]", or "no speedup (why)" where there is none. */
    public String speedupText() {
        if (speedup == null) {
            return "no speedup (" + (baselineNote == null ? "no baseline" : baselineNote) + ")";
        }
        String s = String.format(java.util.Locale.ROOT, speedup >= 0.1 ? "%.2f×" : "%.2g×", speedup);
        return speedupInterval == null ? s + " (no interval)" : s + " " + speedupInterval.text();
    }

    /** "98 % [95, 101]", or "—". */
    public String efficiencyText() {
        if (efficiency == null) {
            return "—";
        }
        String s = String.format(java.util.Locale.ROOT, "%.0f %%", 100 * efficiency);
        return efficiencyInterval == null ? s : s + " " + efficiencyInterval.times(100).text();
    }

    /** The model's name, with "(ignores p)" where its concurrency does not follow {@code parallelism}. */
    public String modelLabel() {
        return model == null ? workload : modelInfo().label();
    }

    public boolean isTimePerOp() {
        return TimeUnits.kind(metric.unit()) == TimeUnits.Kind.TIME_PER_OP;
    }

    /**
     * The requests per second this I/O batch asked of the stub: {@code tasks} checks per batch time. Null for
     * other workloads, or where {@code tasks} or a time-per-op score is missing.
     */
    public Double requestsPerSecond() {
        if (kind != WorkloadKind.IO || !isTimePerOp() || !(metric.score() > 0)) {
            return null;
        }
        Integer tasks = tasks();
        return tasks == null ? null : tasks * 1000.0 / metric.score();
    }

    public Double peakInFlight() {
        Metric peak = result.secondaryMetrics().get("peakInFlight");
        return peak == null ? null : peak.score();
    }
}
