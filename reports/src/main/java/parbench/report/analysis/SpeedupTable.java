package parbench.report.analysis;

import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.Metric;
import parbench.report.jmh.TimeUnits;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Every result of every input as a {@link Row}, with speedup over {@code sequential} and efficiency against the
 * physical ideal where the params this suite defines ({@code model}, {@code parallelism}, {@code tasks},
 * {@code taskMillis}, {@code latencyMillis}) are present.
 *
 * <p><b>Baselines match.</b> A row's speedup divides by the {@code sequential} row ({@code py-sequential} for Python)
 * of the same input, core count, benchmark, mode and params, with {@code parallelism} resolved ({@code -1}/{@code 0}
 * become the core count) on both sides before they are matched. Where the grid ran {@code sequential} at one
 * parallelism only (the Python plan does), that row is the baseline for every parallelism, since sequential ignores
 * {@code p}, and {@link Row#baselineNote()} says so; where it ran several and none matches, there is no speedup and
 * the note says why.
 *
 * <p><b>Efficiency is against the machine</b>, not against the model's own sizing: CPU work's ideal is
 * {@code T1 / cores} (every core the JVM was given); sleep and I/O's is {@code ceil(n / k) x d} where {@code k} is
 * the tasks in flight that {@code p} allows, or the model's own count where it runs more ({@code max(p, in flight)},
 * at most {@code n}). A {@code common-pool} at 2 cores runs one worker: its efficiency is the sequential one's.
 *
 * <p>Immutable; built once per report.
 */
public final class SpeedupTable {

    private final List<RunInput> inputs;
    private final List<Row> rows;

    private SpeedupTable(List<RunInput> inputs, List<Row> rows) {
        this.inputs = List.copyOf(inputs);
        this.rows = List.copyOf(rows);
    }

    /** Derives every figure with intervals from the hierarchical bootstrap ({@link SpeedupIntervals#BOOTSTRAP}). */
    public static SpeedupTable of(List<RunInput> inputs) {
        return of(inputs, SpeedupIntervals.BOOTSTRAP);
    }

    public static SpeedupTable of(List<RunInput> inputs, SpeedupIntervals intervals) {
        List<Row> plain = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (ResultSet set : inputs.get(i).sets()) {
                Integer cores = set.coresBoxed().orElse(null);
                for (BenchmarkResult result : set.results()) {
                    plain.add(plain(i, cores, set.python(), result));
                }
            }
        }
        Map<String, Map<Integer, Row>> baselines = new LinkedHashMap<>();
        for (Row row : plain) {
            if (row.isBaseline()) {
                baselines.computeIfAbsent(groupKey(row), k -> new TreeMap<>())
                        .putIfAbsent(row.parallelism() == null ? 0 : row.parallelism(), row);
            }
        }
        List<Row> rows = plain.stream()
                .map(row -> row.model() == null ? row : derive(row, baselines.get(groupKey(row)), intervals)).toList();
        return new SpeedupTable(inputs, rows);
    }

    public List<RunInput> inputs() {
        return inputs;
    }

    public List<Row> rows() {
        return rows;
    }

    /** Everything a baseline must share with the row, except parallelism. */
    private static String groupKey(Row row) {
        return row.input() + "|" + row.cores() + "|" + row.modelInfo().baselineName() + "|" + row.result().benchmark()
                + "|" + row.result().mode() + "|" + row.metric().unit() + "|" + new TreeMap<>(row.workloadParams());
    }

    private static Row plain(int input, Integer cores, boolean python, BenchmarkResult result) {
        Metric metric = result.primaryMetric().in(TimeUnits.normalised(result.primaryMetric().unit()));
        String model = result.param("model").orElse(null);
        Integer parallelism = result.param("parallelism").map(SpeedupTable::integer)
                .map(p -> p <= 0 ? cores : p).orElse(null);
        return new Row(input, cores, python || (model != null && Model.of(model).python()), result.shortName(),
                WorkloadKind.of(result.benchmarkClass()), model, parallelism, result, metric,
                null, null, null, null, null, null);
    }

    private static Row derive(Row row, Map<Integer, Row> sequentials, SpeedupIntervals intervals) {
        Row baseline = null;
        String note = null;
        if (sequentials == null || sequentials.isEmpty()) {
            note = "no " + row.modelInfo().baselineName() + " row at these params and core count";
        } else {
            int p = row.parallelism() == null ? 0 : row.parallelism();
            baseline = sequentials.get(p);
            if (baseline == null && sequentials.size() == 1) {
                baseline = sequentials.values().iterator().next();
                if (!row.isBaseline()) {
                    note = "divided by " + baseline.model() + " at parallelism=" + baseline.parallelism()
                            + ", the only one the grid ran (sequential ignores p)";
                }
            } else if (baseline == null) {
                note = "no " + row.modelInfo().baselineName() + " row at parallelism=" + p + " (resolved); it ran at "
                        + sequentials.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
        }
        Double speedup = null;
        Interval speedupInterval = null;
        if (baseline != null) {
            double base = baseline.metric().score();
            double score = row.metric().score();
            double s = row.isTimePerOp() ? base / score : score / base;
            speedup = Double.isFinite(s) ? s : null;
            if (speedup != null) {
                speedupInterval = baseline == row ? new Interval(1, 1)
                        : intervals.ratio(baseline.metric(), row.metric(), row.isTimePerOp()).orElse(null);
            }
        }
        Double ideal = row.isTimePerOp() && TimeUnits.NORMAL_TIME.equals(row.metric().unit()) ? ideal(row, baseline) : null;
        Double efficiency = null;
        Interval efficiencyInterval = null;
        if (ideal != null && row.metric().score() > 0) {
            efficiency = ideal / row.metric().score();
            efficiencyInterval = efficiencyInterval(row, ideal, speedupInterval, intervals);
        }
        return new Row(row.input(), row.cores(), row.python(), row.workload(), row.kind(), row.model(),
                row.parallelism(), row.result(), row.metric(), speedup, speedupInterval, note, ideal, efficiency,
                efficiencyInterval);
    }

    /** The physical ideal in ms on this machine (see the class comment), or null when the params it needs are absent. */
    private static Double ideal(Row row, Row baseline) {
        Integer tasks = row.tasks();
        return switch (row.kind()) {
            case SLEEP -> perWave(tasks, allowed(row, tasks), row.result().param("taskMillis"));
            case IO -> perWave(tasks, allowed(row, tasks), row.result().param("latencyMillis"));
            case CPU -> baseline == null || row.cores() == null || row.cores() <= 0 ? null
                    : baseline.metric().score() / row.cores();
            case DISPATCH, OTHER -> null;
        };
    }

    /** CPU: the speedup's interval over the cores; sleep and I/O: the ideal over the score's distribution. */
    private static Interval efficiencyInterval(Row row, double ideal, Interval speedupInterval,
                                               SpeedupIntervals intervals) {
        if (row.kind() == WorkloadKind.CPU) {
            return speedupInterval == null ? null : speedupInterval.times(1.0 / row.cores());
        }
        return intervals.inverse(ideal, row.metric()).orElse(null);
    }

    /** Tasks in flight the configuration allows: {@code p}, or the model's own count where it runs more. */
    private static Integer allowed(Row row, Integer tasks) {
        if (row.cores() == null) {
            return null;
        }
        int own = row.inFlight();
        int byP = row.parallelism() == null ? own : row.parallelism();
        int k = Math.max(byP, own);
        return tasks == null ? k : Math.min(k, tasks);
    }

    private static Double perWave(Integer tasks, Integer concurrency, Optional<String> millis) {
        Double d = millis.map(SpeedupTable::decimal).orElse(null);
        if (tasks == null || concurrency == null || d == null || concurrency <= 0) {
            return null;
        }
        return Math.ceil((double) tasks / concurrency) * d;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double decimal(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The rows for which {@code Objects.equals(row.cores(), cores)}. */
    public List<Row> atCores(Integer cores) {
        return rows.stream().filter(r -> Objects.equals(r.cores(), cores)).toList();
    }
}
