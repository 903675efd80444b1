package parbench.bench.sweep;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans a sweep from a time budget instead of a fixed grid. Stateless; {@link #plan} is a pure
 * function of its {@link Request}, so plans for 1 to 256 processors are tested without such machines.
 *
 * <p>What it always measures (never dropped, even over budget, which the plan then says):
 * <ul>
 *   <li>core counts 1 and N (or exactly the user's {@code --cores});</li>
 *   <li>at each core count c, every selected benchmark and model with {@code parallelism = c}
 *       ({@code n_jobs = -1} resolved), so the core-count curve is honest for pooled models;</li>
 *   <li>the profile's forks and iterations ({@code quick}: 2 forks, {@code full}: 3), CPU batches of
 *       at least N tasks (so the largest core count has a task per processor; waiting work keeps its
 *       task count, which bounds its parallelism curve instead), the stub's latency.</li>
 * </ul>
 * A knob that is not concurrency ({@code chunk}, joblib's {@code batch_size}) takes its first value
 * at every core count and its other values only at the largest, parallelism = cores, for the models
 * that hand out chunks ({@link WorkloadKind#TAKE_CHUNK}): the knob's effect is measured where the
 * most workers share the hand-offs, without multiplying every core count's points. Work the core
 * count leaves unchanged ({@code HarnessBaselineBenchmark}) runs only at the largest count.
 *
 * <p>What it adds while the estimate ({@link SweepEstimate}) stays within {@value #HEADROOM} of the
 * budget (the rest is room for the estimate's error), in this order,
 * each item kept only if the whole plan still fits (so what does not fit is dropped in the reverse
 * order: extra core counts first, then the parallelism curve, then powers of two):
 * <ol>
 *   <li>the powers of two between 1 and N, in bisection order (for 64: 8, 2, 16, 4, 32), so a
 *       partial fit still spans the range;</li>
 *   <li>where the profile has one, a parallelism curve at N for the models that take parallelism
 *       ({@link WorkloadKind#TAKE_PARALLELISM}): 1, 2, 4, … up to the task count for sleep and I/O
 *       work, up to N for CPU work and for worker processes, in bisection order, round-robin over the
 *       benchmarks;</li>
 *   <li>more core counts, 3 × 2<sup>k</sup> between 1 and N, in bisection order.</li>
 * </ol>
 * With {@code --cores}, nothing is added; a user {@code -p} replaces what the planner would choose for
 * that parameter (a user {@code -p parallelism} turns the curve off).
 */
final class Planner {

    /**
     * The share of the budget that additions may fill, 1 / 1.25: a plan whose estimate is short by the
     * 25 % the estimate is held to still fits.
     */
    static final double HEADROOM = 0.8;

    private Planner() {}

    /**
     * What a plan is made from.
     *
     * @param profile the profile: budget, parallelism curve, profile parameters
     * @param processors N, the processors the sweep may use (or {@code --assume-processors})
     * @param benchmarks the selected benchmarks with their default values, null for a Python-only sweep
     * @param userParams the user's {@code -p} options, parameter name to comma-separated values
     * @param cores the user's {@code --cores}, or null to let the planner choose
     * @param budget the wall-time budget, null for none
     * @param timing forks and iterations, the user's JMH options applied
     * @param stubLatencyMillis passed as {@code latencyMillis} to benchmarks that have it
     * @param pythons each interpreter's Python harness plan at one core count, in order; null or empty without Python
     * @param pythonForks harness processes per core count
     * @param estimate the constants of the estimate
     */
    record Request(SweepProfile profile, int processors, BenchmarkList benchmarks, Map<String, String> userParams,
            List<Integer> cores, Duration budget, JmhTiming timing, long stubLatencyMillis,
            List<PythonHarness.Plan> pythons, int pythonForks, SweepEstimate estimate) {
        Request {
            pythons = pythons == null ? List.of() : List.copyOf(pythons);
            if (processors < 1) {
                throw new IllegalArgumentException("processors must be at least 1, not " + processors);
            }
            userParams = Map.copyOf(userParams);
            cores = cores == null ? null : List.copyOf(cores);
        }
    }

    /** Something the planner adds when it fits: a core count, or a curve value of one benchmark. */
    private sealed interface Addition {
        String describe();
    }

    private record ExtraCoreCount(int cores, String kind) implements Addition {
        @Override
        public String describe() {
            return kind + " " + cores;
        }
    }

    /** One value of {@code param} (parallelism or chunk) for {@code models} of one benchmark, at the largest count. */
    private record CurveValue(String benchmark, String param, int value, List<String> models) implements Addition {
        @Override
        public String describe() {
            return param + " " + value + " of " + shortName(benchmark);
        }
    }

    /** JMH's selection of a sweep: the include regex, the processor probe excluded unless named. */
    static List<String> selection(String include) {
        var selection = new ArrayList<String>();
        selection.add(include);
        if (!include.contains("ProcessorProbe")) {
            selection.addAll(List.of("-e", JmhMeasurement.PROBE));
        }
        return selection;
    }

    /**
     * Plans the sweep of {@code settings}: lists the selected benchmarks ({@code -lp}, nothing is
     * measured), asks the Python harness for its plan, and fits them to the budget.
     *
     * @throws IllegalArgumentException when the selection matches no benchmark or Python point, or
     *     the interpreter or a library is missing (user errors: exit 2)
     * @throws java.io.IOException naming the command that failed
     */
    static SweepPlan plan(SweepSettings settings) throws java.io.IOException {
        BenchmarkList benchmarks = null;
        if (settings.jvm()) {
            benchmarks = BenchmarkList.list(settings, selection(settings.include()));
            if (benchmarks.benchmarks().isEmpty()) {
                throw new IllegalArgumentException("no benchmark matches --include '" + settings.include() + "'");
            }
        }
        var pythons = new ArrayList<PythonHarness.Plan>();
        var labels = new LinkedHashMap<String, String>();
        for (PythonHarness harness : settings.pythons()) {
            PythonHarness.Plan python;
            try {
                python = harness.plan(settings.profile().profileName(), settings.pythonInclude());
            } catch (PythonHarness.UnavailableException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (python.points() == 0) {
                throw new IllegalArgumentException("no Python point matches --include '" + settings.include() + "'"
                        + (settings.pythons().size() > 1 ? " under " + python.executable() : ""));
            }
            // the label is the rows' python param: two interpreters with one label would pool into one row
            String earlier = labels.putIfAbsent(python.label(), python.executable());
            if (earlier != null) {
                throw new IllegalArgumentException("--python " + python.executable() + " and " + earlier
                        + " are the same interpreter (" + python.label() + "): their rows would pool");
            }
            pythons.add(python);
        }
        var userParams = new LinkedHashMap<String, String>();
        List<String> options = settings.extraJmhOptions();
        for (int i = 0; i + 1 < options.size(); i++) {
            if (options.get(i).equals("-p")) {
                String assignment = options.get(i + 1);
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    userParams.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
            }
        }
        return plan(new Request(settings.profile(), settings.processors(), benchmarks, userParams,
                settings.cores() == null ? null : settings.cores().counts(), settings.budget(), settings.timing(),
                settings.stubLatencyMillis(), pythons, settings.profile().pythonForks(), SweepEstimate.CALIBRATED));
    }

    /** Plans the sweep of {@code request}. */
    static SweepPlan plan(Request request) {
        int n = request.processors();
        var counts = new java.util.TreeSet<Integer>();
        var additions = new ArrayList<Addition>();
        if (request.cores() != null) {
            counts.addAll(request.cores());
        } else {
            counts.addAll(List.of(1, n));
            bisection(powersOfTwoBetween(n), false).forEach(c -> additions.add(new ExtraCoreCount(c, "core count")));
            if (curveWanted(request)) {
                additions.addAll(curve(request));
            }
            bisection(threeTimesPowersOfTwoBetween(n), false)
                    .forEach(c -> additions.add(new ExtraCoreCount(c, "extra core count")));
        }
        var curve = new ArrayList<CurveValue>();
        var dropped = new ArrayList<String>();
        List<CurveValue> chunks = request.benchmarks() == null ? List.of() : chunks(request);
        SweepPlan plan = build(request, counts, chunks, curve);
        for (Addition addition : additions) {
            var withCounts = new java.util.TreeSet<>(counts);
            var withCurve = new ArrayList<>(curve);
            switch (addition) {
                case ExtraCoreCount extra -> withCounts.add(extra.cores());
                case CurveValue value -> withCurve.add(value);
            }
            SweepPlan candidate = build(request, withCounts, chunks, withCurve);
            if (request.budget() == null
                    || candidate.estimate().toMillis() <= request.budget().toMillis() * HEADROOM) {
                counts = withCounts;
                curve = withCurve;
                plan = candidate;
            } else {
                dropped.add(addition.describe());
            }
        }
        return plan.withDropped(dropped);
    }

    private static boolean curveWanted(Request request) {
        return request.profile().parallelismCurve() && request.benchmarks() != null
                && !request.userParams().containsKey("parallelism") && request.processors() > 1;
    }

    /** The plan measuring {@code counts}, with {@code chunks} and {@code curve} at the largest count, and its estimate. */
    private static SweepPlan build(Request request, java.util.SortedSet<Integer> counts, List<CurveValue> chunks,
            List<CurveValue> curve) {
        var coreCounts = new ArrayList<SweepPlan.CoreCount>();
        int largest = counts.last();
        for (int cores : counts) {
            var runs = new ArrayList<JmhRun>();
            if (request.benchmarks() != null) {
                request.benchmarks().benchmarks().forEach((benchmark, defaults) -> {
                    if (cores != largest && WorkloadKind.of(benchmark).coreCountIndependent()) {
                        return;
                    }
                    Map<String, List<String>> params = baseParams(request, benchmark, defaults);
                    if (params.containsKey("parallelism") && !request.userParams().containsKey("parallelism")) {
                        params.put("parallelism", List.of(String.valueOf(cores)));
                    }
                    runs.add(new JmhRun(benchmark, params, request.timing().forks()));
                });
                if (cores == largest) {
                    for (CurveValue value : concat(chunks, curve)) {
                        Map<String, List<String>> params = baseParams(request, value.benchmark(),
                                request.benchmarks().benchmarks().get(value.benchmark()));
                        params.put("model", value.models());
                        if (value.param().equals(WorkloadKind.CHUNK_PARAM)) {
                            params.put(WorkloadKind.CHUNK_PARAM, List.of(String.valueOf(value.value())));
                            if (params.containsKey("parallelism") && !request.userParams().containsKey("parallelism")) {
                                params.put("parallelism", List.of(String.valueOf(cores)));
                            }
                        } else {
                            params.put("parallelism", List.of(String.valueOf(value.value())));
                        }
                        runs.add(new JmhRun(value.benchmark(), params, request.timing().forks()));
                    }
                }
            }
            coreCounts.add(new SweepPlan.CoreCount(cores, runs));
        }
        return SweepPlan.of(request, coreCounts);
    }

    /**
     * A benchmark's parameters before parallelism: the user's {@code -p}, else the stub's latency, the
     * profile's values, task counts of at least N, else the benchmark's own defaults.
     */
    private static Map<String, List<String>> baseParams(Request request, String benchmark,
            Map<String, List<String>> defaults) {
        var params = new LinkedHashMap<String, List<String>>();
        WorkloadKind kind = WorkloadKind.of(benchmark);
        defaults.forEach((name, values) -> {
            String user = request.userParams().get(name);
            String profile = request.profile().params().get(name);
            if (user != null) {
                params.put(name, Arrays.stream(user.split(",")).map(String::strip).toList());
            } else if (name.equals(SweepProfile.LATENCY_PARAM)) {
                params.put(name, List.of(String.valueOf(request.stubLatencyMillis())));
            } else if (profile != null) {
                params.put(name, List.of(profile));
            } else if (name.equals(WorkloadKind.CHUNK_PARAM)) {
                params.put(name, List.of(values.getFirst())); // the others only at the largest count: chunks(request)
            } else if (name.equals("tasks") && kind == WorkloadKind.CPU) {
                params.put(name, values.stream().map(v -> atLeast(v, request.processors())).distinct().toList());
            } else {
                params.put(name, values);
            }
        });
        return params;
    }

    /** The curve's values, per benchmark in bisection order, interleaved round-robin over benchmarks. */
    private static List<CurveValue> curve(Request request) {
        int n = request.processors();
        var perBenchmark = new ArrayList<ArrayDeque<CurveValue>>();
        request.benchmarks().benchmarks().forEach((benchmark, defaults) -> {
            WorkloadKind kind = WorkloadKind.of(benchmark);
            if (kind == WorkloadKind.OTHER || !defaults.containsKey("parallelism")) {
                return;
            }
            Map<String, List<String>> base = baseParams(request, benchmark, defaults);
            int tasks = base.getOrDefault("tasks", List.of("1")).stream().mapToInt(Integer::parseInt).max().orElse(1);
            List<String> models = base.getOrDefault("model", List.of()).stream()
                    .filter(WorkloadKind.TAKE_PARALLELISM::contains).toList();
            // value -> the models whose curve reaches it
            var byValue = new TreeMap<Integer, List<String>>();
            for (String model : models) {
                int limit = kind.curveLimit(model, tasks, n);
                for (int value : curveValues(limit)) {
                    if (value != n) {
                        byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(model);
                    }
                }
            }
            var queue = new ArrayDeque<CurveValue>();
            for (int value : bisection(new ArrayList<>(byValue.keySet()), true)) {
                queue.add(new CurveValue(benchmark, "parallelism", value, byValue.get(value)));
            }
            if (!queue.isEmpty()) {
                perBenchmark.add(queue);
            }
        });
        var interleaved = new ArrayList<CurveValue>();
        while (perBenchmark.stream().anyMatch(queue -> !queue.isEmpty())) {
            for (ArrayDeque<CurveValue> queue : perBenchmark) {
                if (!queue.isEmpty()) {
                    interleaved.add(queue.poll());
                }
            }
        }
        return interleaved;
    }

    /**
     * Each benchmark's {@code chunk} values after its first, for the models that take a chunk, unless
     * the user's {@code -p chunk} chose them.
     */
    private static List<CurveValue> chunks(Request request) {
        var values = new ArrayList<CurveValue>();
        if (request.userParams().containsKey(WorkloadKind.CHUNK_PARAM)) {
            return values;
        }
        request.benchmarks().benchmarks().forEach((benchmark, defaults) -> {
            List<String> chunks = defaults.get(WorkloadKind.CHUNK_PARAM);
            if (chunks == null || chunks.size() < 2) {
                return;
            }
            List<String> models = baseParams(request, benchmark, defaults).getOrDefault("model", List.of()).stream()
                    .filter(WorkloadKind.TAKE_CHUNK::contains).toList();
            if (models.isEmpty()) {
                return;
            }
            for (String chunk : chunks.subList(1, chunks.size())) {
                try {
                    values.add(new CurveValue(benchmark, WorkloadKind.CHUNK_PARAM, Integer.parseInt(chunk.strip()),
                            models));
                } catch (NumberFormatException e) {
                    // not a number: JMH will refuse it at the first core count, naming it
                }
            }
        });
        return values;
    }

    private static <T> List<T> concat(List<? extends T> first, List<? extends T> second) {
        var all = new ArrayList<T>(first);
        all.addAll(second);
        return all;
    }

    /** 1, 2, 4, … below {@code limit}, then {@code limit}. */
    static List<Integer> curveValues(int limit) {
        var values = new ArrayList<Integer>();
        for (int v = 1; v < limit; v *= 2) {
            values.add(v);
        }
        if (limit >= 1) {
            values.add(limit);
        }
        return values;
    }

    static List<Integer> powersOfTwoBetween(int n) {
        var values = new ArrayList<Integer>();
        for (int c = 2; c < n; c *= 2) {
            values.add(c);
        }
        return values;
    }

    static List<Integer> threeTimesPowersOfTwoBetween(int n) {
        var values = new ArrayList<Integer>();
        for (int c = 3; c < n; c *= 2) {
            values.add(c);
        }
        return values;
    }

    /**
     * {@code values} in bisection order, so that any prefix spreads over the whole range: with
     * {@code endsFirst} the first and last value, then the middle, then the middles of the halves
     * (for a curve 1, 2, 4, 8, 16: 1, 16, 4, 2, 8); without, the values are taken as lying between
     * ends already measured, the middle comes first (powers of two for 64: 8, 2, 16, 4, 32).
     */
    static List<Integer> bisection(List<Integer> values, boolean endsFirst) {
        var order = new ArrayList<Integer>();
        if (values.isEmpty()) {
            return order;
        }
        var ranges = new ArrayDeque<int[]>();
        if (endsFirst) {
            order.add(values.getFirst());
            if (values.size() > 1) {
                order.add(values.getLast());
            }
            ranges.add(new int[] {0, values.size() - 1});
        } else {
            ranges.add(new int[] {-1, values.size()});
        }
        while (!ranges.isEmpty()) {
            int[] range = ranges.poll();
            if (range[1] - range[0] < 2) {
                continue;
            }
            int middle = Math.floorDiv(range[0] + range[1], 2);
            order.add(values.get(middle));
            ranges.add(new int[] {range[0], middle});
            ranges.add(new int[] {middle, range[1]});
        }
        return order;
    }

    private static String atLeast(String value, int minimum) {
        try {
            return String.valueOf(Math.max(Integer.parseInt(value.strip()), minimum));
        } catch (NumberFormatException e) {
            return value;
        }
    }

    static String shortName(String benchmark) {
        return benchmark.startsWith("parbench.bench.") ? benchmark.substring("parbench.bench.".length()) : benchmark;
    }
}
