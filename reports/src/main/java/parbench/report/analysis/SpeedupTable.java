package parbench.report.analysis;

import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.Metric;
import parbench.report.jmh.TimeUnits;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every result of every input as a {@link Row}, with speedup over {@code sequential} and efficiency against the
 * physical ideal where the params this suite defines ({@code model}, {@code parallelism}, {@code tasks},
 * {@code taskMillis}, {@code latencyMillis}) are present.
 */
public final class SpeedupTable {

    /** Models whose concurrency is the task count, whatever {@code parallelism} says. */
    private static final Set<String> UNBOUNDED = Set.of("thread-per-task", "virtual-threads");
    /**
     * Models that run on the common pool, sized by the JVM whatever {@code parallelism} says: the pool has
     * {@code max(cores - 1, 1)} workers, and a parallel stream's caller works beside them.
     */
    private static final Set<String> CORE_BOUND = Set.of("common-pool", "parallel-stream");
    public static final String BASELINE = "sequential";

    private final List<RunInput> inputs;
    private final List<Row> rows;

    private SpeedupTable(List<RunInput> inputs, List<Row> rows) {
        this.inputs = List.copyOf(inputs);
        this.rows = List.copyOf(rows);
    }

    public static SpeedupTable of(List<RunInput> inputs) {
        List<Row> plain = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            for (ResultSet set : inputs.get(i).sets()) {
                Integer cores = set.coresBoxed().orElse(null);
                for (BenchmarkResult result : set.results()) {
                    plain.add(plain(i, cores, set.python(), result));
                }
            }
        }
        Map<String, Row> baselines = new HashMap<>();
        for (Row row : plain) {
            if (isBaseline(row)) {
                baselines.putIfAbsent(baselineKey(row), row);
            }
        }
        List<Row> rows = plain.stream().map(row -> derive(row, baselines.get(baselineKey(row)))).toList();
        return new SpeedupTable(inputs, rows);
    }

    public List<RunInput> inputs() {
        return inputs;
    }

    public List<Row> rows() {
        return rows;
    }

    private static boolean isBaseline(Row row) {
        return row.model() != null && (row.model().equals(BASELINE) || row.model().equals("py-" + BASELINE));
    }

    private static String baselineKey(Row row) {
        return row.input() + "|" + row.cores() + "|" + row.python() + "|" + row.result().benchmark() + "|"
                + row.result().mode() + "|" + row.workloadParams();
    }

    private static Row plain(int input, Integer cores, boolean python, BenchmarkResult result) {
        Metric metric = result.primaryMetric().in(TimeUnits.normalised(result.primaryMetric().unit()));
        String model = result.param("model").orElse(null);
        Integer parallelism = result.param("parallelism").map(SpeedupTable::integer).map(p -> {
            if (p <= 0) {
                return cores;
            }
            return p;
        }).orElse(null);
        if (model != null && (model.equals(BASELINE) || model.equals("py-" + BASELINE))) {
            parallelism = 1;
        }
        String clazz = result.benchmarkClass();
        return new Row(input, cores, python, result.shortName(), WorkloadKind.of(clazz), model, parallelism, result,
                metric, null, null, null);
    }

    private static Row derive(Row row, Row baseline) {
        Double speedup = null;
        if (baseline != null && Objects.equals(baseline.metric().unit(), row.metric().unit())) {
            double base = baseline.metric().score();
            double score = row.metric().score();
            double s = row.isTimePerOp() ? base / score : score / base;
            speedup = Double.isFinite(s) ? s : null;
        }
        Double ideal = row.isTimePerOp() && "ms/op".equals(row.metric().unit()) ? ideal(row, baseline) : null;
        Double efficiency = ideal == null || !(row.metric().score() > 0) ? null : ideal / row.metric().score();
        return new Row(row.input(), row.cores(), row.python(), row.workload(), row.kind(), row.model(),
                row.parallelism(), row.result(), row.metric(), speedup, ideal, efficiency);
    }

    /** The physical ideal in ms (see DESIGN.md), or null when the params it needs are absent. */
    private static Double ideal(Row row, Row baseline) {
        Integer tasks = row.result().param("tasks").map(SpeedupTable::integer).orElse(null);
        Integer concurrency = concurrency(row, tasks);
        return switch (row.kind()) {
            case SLEEP -> perWave(tasks, concurrency, row.result().param("taskMillis"));
            case IO -> perWave(tasks, concurrency, row.result().param("latencyMillis"));
            case CPU -> {
                if (baseline == null || row.cores() == null || concurrency == null) {
                    yield null;
                }
                yield baseline.metric().score() / Math.max(1, Math.min(row.cores(), concurrency));
            }
            case DISPATCH, OTHER -> null;
        };
    }

    private static Integer concurrency(Row row, Integer tasks) {
        if (row.model() == null) {
            return null;
        }
        if (isBaseline(row)) {
            return 1;
        }
        String model = row.model().startsWith("py-") ? row.model().substring(3) : row.model();
        if (UNBOUNDED.contains(model) && tasks != null) {
            return tasks;
        }
        if (CORE_BOUND.contains(model) && row.cores() != null) {
            int threads = commonPoolParallelism(row.cores()) + (model.equals("parallel-stream") ? 1 : 0);
            return tasks == null ? threads : Math.min(threads, tasks);
        }
        if (row.parallelism() == null) {
            return row.cores();
        }
        return tasks == null ? row.parallelism() : Math.min(row.parallelism(), tasks);
    }

    /** {@code ForkJoinPool.commonPool()}'s parallelism on a JVM that sees {@code cores} processors. */
    static int commonPoolParallelism(int cores) {
        return Math.max(cores - 1, 1);
    }

    private static Double perWave(Integer tasks, Integer concurrency, java.util.Optional<String> millis) {
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
}
