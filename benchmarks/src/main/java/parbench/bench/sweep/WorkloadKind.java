package parbench.bench.sweep;

import java.util.Map;
import java.util.Set;

/**
 * What a benchmark's batch does, as far as planning needs it: how far its parallelism curve goes
 * and how long one batch should take, from the physical ideal (DESIGN.md, "Measurement") and a few
 * constants of {@link SweepEstimate}. Known by the benchmark's class name. Stateless.
 */
enum WorkloadKind {
    /** {@code SleepBenchmark}: {@code tasks} sleeps of {@code taskMillis}; the curve goes up to the task count. */
    SLEEP,
    /** {@code WikiBenchmark}: {@code tasks} page checks of {@code latencyMillis}; the curve goes up to the task count. */
    IO,
    /** {@code CpuBenchmark}: {@code tasks} computations of {@code work}; the curve goes up to the processors. */
    CPU,
    /** {@code DispatchBenchmark}: {@code tasks} empty tasks, the models' own cost; the curve goes up to the processors. */
    DISPATCH,
    /**
     * {@code HarnessBaselineBenchmark}: the harness's own cost per task on the calling thread, which
     * no core count changes; measured once, at the largest core count, with no curve.
     */
    HARNESS,
    /** Any other benchmark (the processor probe, someone's own): no curve, batch time unknown (0). */
    OTHER;

    /**
     * Models that take {@code parallelism} as their number of workers; the others ignore it
     * ({@code sequential}: one, {@code thread-per-task}, {@code virtual-threads}: one per task,
     * {@code common-pool}, {@code parallel-stream}: the JVM's processors), so a parallelism curve
     * measures only these.
     */
    static final Set<String> TAKE_PARALLELISM = Set.of("fixed-pool", "fork-join", "virtual-threads-bounded",
            "process-workers", "process-spawn");

    /** joblib's {@code batch_size}: inputs per hand-off ({@code DispatchBenchmark}'s {@code chunk}). */
    static final String CHUNK_PARAM = "chunk";

    /**
     * Models that hand out {@value #CHUNK_PARAM} inputs at a time; the others hand every task over
     * alone, so a chunk other than the first would only repeat their rows.
     */
    static final Set<String> TAKE_CHUNK = Set.of("fixed-pool", "fork-join", "common-pool", "process-workers",
            "process-spawn");

    /** The kind of the benchmark named {@code benchmark}, e.g. {@code parbench.bench.SleepBenchmark.batch}. */
    static WorkloadKind of(String benchmark) {
        if (benchmark.contains("SleepBenchmark")) {
            return SLEEP;
        } else if (benchmark.contains("WikiBenchmark")) {
            return IO;
        } else if (benchmark.contains("CpuBenchmark")) {
            return CPU;
        } else if (benchmark.contains("DispatchBenchmark")) {
            return DISPATCH;
        } else if (benchmark.contains("HarnessBaselineBenchmark")) {
            return HARNESS;
        }
        return OTHER;
    }

    /**
     * The largest parallelism of the curve at {@code processors} for {@code model}: the task count for
     * waiting work, the processors for CPU work and for worker processes (a process per task beyond
     * the processors measures JVM start-up, not the model); 0 for no curve.
     */
    int curveLimit(String model, int tasks, int processors) {
        return switch (this) {
            case SLEEP, IO -> model.startsWith("process-") ? Math.min(tasks, processors) : tasks;
            case CPU, DISPATCH -> processors;
            case HARNESS, OTHER -> 0;
        };
    }

    /** Whether the core count leaves this work unchanged, so one measurement at the largest count serves. */
    boolean coreCountIndependent() {
        return this == HARNESS;
    }

    /**
     * How many workers {@code model} runs at once with joblib's {@code n_jobs = parallelism} on
     * {@code cores} processors: {@code -1} is every processor, {@code -2} all but one. The common pool
     * has {@code cores - 1} workers (at least one); a parallel stream's calling thread works beside them.
     */
    static int workers(String model, int parallelism, int cores, int tasks) {
        int commonPool = Math.max(1, cores - 1);
        return switch (model) {
            case "sequential" -> 1;
            case "thread-per-task", "virtual-threads" -> Math.max(1, tasks);
            case "common-pool" -> commonPool;
            case "parallel-stream" -> commonPool + 1;
            default -> parallelism > 0 ? parallelism : Math.max(1, cores + 1 + parallelism);
        };
    }

    /**
     * The expected time of one batch in milliseconds at {@code cores} processors, from its parameters
     * ({@code tasks}, {@code taskMillis}, {@code latencyMillis}, {@code work}, {@code model},
     * {@code parallelism}); worker-process start-ups included for {@code process-spawn}.
     */
    double batchMillis(Map<String, String> params, int cores, SweepEstimate constants) {
        String model = params.getOrDefault("model", "sequential");
        int tasks = number(params, "tasks", 1);
        int parallelism = number(params, "parallelism", cores);
        int workers = workers(model, parallelism, cores, tasks);
        double waves = Math.ceil(tasks / (double) Math.max(1, Math.min(workers, tasks)));
        double batch = switch (this) {
            case SLEEP -> waves * (number(params, "taskMillis", 0) + constants.sleepOvershootMillis());
            case IO -> waves * (number(params, "latencyMillis", 0) + constants.requestMillis());
            case CPU -> tasks * (number(params, "work", 0) * constants.cpuNanosPerWork() / 1e6)
                    / Math.max(1, Math.min(Math.min(workers, cores), tasks));
            case DISPATCH, HARNESS -> tasks * constants.dispatchMillisPerTask();
            case OTHER -> 0;
        };
        if (model.startsWith("process-")) {
            batch += tasks * constants.processMillisPerTask();
        }
        if (model.equals("process-spawn")) {
            batch += workerStartMillis(constants) * Math.ceil(workers / (double) cores);
        }
        return batch;
    }

    /**
     * What a fork's set-up costs in milliseconds beyond a fork's usual start: the HTTP client of I/O work,
     * and the worker processes of {@code process-workers}.
     */
    double setUpMillis(Map<String, String> params, int cores, SweepEstimate constants) {
        String model = params.getOrDefault("model", "sequential");
        double setUp = this == IO ? constants.clientStartMillis() : 0;
        if (model.equals("process-workers")) {
            int workers = workers(model, number(params, "parallelism", cores), cores, number(params, "tasks", 1));
            setUp += workerStartMillis(constants) * Math.ceil(workers / (double) cores);
        }
        return setUp;
    }

    /** Milliseconds to start one worker JVM ready for this work: an I/O worker starts its HTTP client too. */
    private double workerStartMillis(SweepEstimate constants) {
        return constants.workerStartMillis() + (this == IO ? constants.clientStartMillis() : 0);
    }

    private static int number(Map<String, String> params, String name, int fallback) {
        String value = params.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
