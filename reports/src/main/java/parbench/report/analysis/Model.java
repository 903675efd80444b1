package parbench.report.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One concurrency model as the reports name it: the single vocabulary that findings, tables, charts and compare
 * read (DESIGN.md, "Concurrency models"). A name this vocabulary does not know (another JMH project's
 * {@code model} param) is still a model: {@link Family#OTHER}, concurrency taken to follow {@code parallelism}.
 *
 * @param name        the {@code model} param, kebab-case ({@code fixed-pool}, {@code py-joblib-loky})
 * @param family      what kind of worker runs a task
 * @param concurrency how many tasks it has in flight, which decides whether {@code parallelism} means anything
 * @param python      a row of the seed article's Python ({@code py-*}), measured over {@code py-sequential}
 */
public record Model(String name, Family family, Concurrency concurrency, boolean python) {

    /** What kind of worker runs a task. */
    public enum Family {
        /** The baseline: a plain loop. */
        SEQUENTIAL("sequential"),
        /** A thread (platform or virtual) per task, however many tasks. */
        THREAD("threads"),
        /** A pool of threads (or of virtual threads, bounded) that tasks queue for. */
        POOL("pools"),
        /** Worker processes: other JVMs, or Python interpreters. */
        PROCESS("processes"),
        /** A model name this vocabulary does not know. */
        OTHER("other models");

        private final String plural;

        Family(String plural) {
            this.plural = plural;
        }

        /** "pools", "processes": how a chart panel of this family is titled. */
        public String plural() {
            return plural;
        }
    }

    /** How many tasks a model runs at once, on {@code cores} processors, asked for {@code p}, given {@code n} tasks. */
    public enum Concurrency {
        /** One at a time, whatever {@code p} says. */
        ONE,
        /** Every task at once ({@code n}), whatever {@code p} says. */
        TASKS,
        /** {@code ForkJoinPool.commonPool()}: {@code max(cores - 1, 1)} workers, whatever {@code p} says. */
        COMMON_POOL,
        /** A parallel stream: the common pool's workers and the calling thread. */
        COMMON_POOL_AND_CALLER,
        /** {@code p}, the {@code parallelism} param ({@code -1}/{@code 0}: the core count). */
        PARALLELISM
    }

    private static final Map<String, Model> KNOWN = new LinkedHashMap<>();

    static {
        jvm("sequential", Family.SEQUENTIAL, Concurrency.ONE);
        jvm("thread-per-task", Family.THREAD, Concurrency.TASKS);
        jvm("virtual-threads", Family.THREAD, Concurrency.TASKS);
        jvm("fixed-pool", Family.POOL, Concurrency.PARALLELISM);
        jvm("fork-join", Family.POOL, Concurrency.PARALLELISM);
        jvm("virtual-threads-bounded", Family.POOL, Concurrency.PARALLELISM);
        jvm("common-pool", Family.POOL, Concurrency.COMMON_POOL);
        jvm("parallel-stream", Family.POOL, Concurrency.COMMON_POOL_AND_CALLER);
        jvm("process-workers", Family.PROCESS, Concurrency.PARALLELISM);
        jvm("process-spawn", Family.PROCESS, Concurrency.PARALLELISM);
        py("py-sequential", Family.SEQUENTIAL, Concurrency.ONE);
        py("py-thread-per-task", Family.THREAD, Concurrency.TASKS);
        py("py-thread-pool", Family.POOL, Concurrency.PARALLELISM);
        py("py-thread-pool-as-completed", Family.POOL, Concurrency.PARALLELISM);
        py("py-mp-thread-pool", Family.POOL, Concurrency.PARALLELISM);
        py("py-joblib-threading", Family.POOL, Concurrency.PARALLELISM);
        py("py-process-pool", Family.PROCESS, Concurrency.PARALLELISM);
        py("py-mp-pool", Family.PROCESS, Concurrency.PARALLELISM);
        py("py-joblib-loky", Family.PROCESS, Concurrency.PARALLELISM);
        py("py-numba-prange", Family.POOL, Concurrency.PARALLELISM);
        py("py-numba-threads", Family.POOL, Concurrency.PARALLELISM);
    }

    private static void jvm(String name, Family family, Concurrency concurrency) {
        KNOWN.put(name, new Model(name, family, concurrency, false));
    }

    private static void py(String name, Family family, Concurrency concurrency) {
        KNOWN.put(name, new Model(name, family, concurrency, true));
    }

    /** The model called {@code name}; an unknown name is {@link Family#OTHER}, Python when it starts with {@code py-}. */
    public static Model of(String name) {
        Model known = KNOWN.get(name);
        if (known != null) {
            return known;
        }
        return new Model(name, Family.OTHER, Concurrency.PARALLELISM, name.startsWith("py-"));
    }

    /** Every model this vocabulary knows, JVM first, in DESIGN.md's order. */
    public static List<Model> known() {
        return List.copyOf(KNOWN.values());
    }

    /** Whether {@code name} names a baseline: {@code sequential} or {@code py-sequential}. */
    public static boolean isBaseline(String name) {
        return name != null && of(name).isBaseline();
    }

    /** The baseline this model's speedup divides by: {@code sequential}, or {@code py-sequential} for Python. */
    public String baselineName() {
        return python ? "py-sequential" : "sequential";
    }

    public boolean isBaseline() {
        return family == Family.SEQUENTIAL;
    }

    /**
     * A model whose task numba compiles to machine code that runs outside the interpreter and its GIL
     * ({@code py-numba-prange}: numba's own pool of {@code p} threads; {@code py-numba-threads}: {@code nogil}
     * code under a thread pool of {@code p}). A pool for every figure, but not "threads under the GIL": the GIL
     * finding reports them on their own, and their speedup over the interpreted {@code py-sequential} mixes
     * compilation with parallelism.
     */
    public boolean compiled() {
        return python && name.startsWith("py-numba-");
    }

    /** Whether the {@code parallelism} param changes what this model does; false for the ones labelled "ignores p". */
    public boolean followsParallelism() {
        return concurrency == Concurrency.PARALLELISM;
    }

    /** A model that runs on worker processes, whose start-up and transfer costs the in-JVM models do not pay. */
    public boolean isProcess() {
        return family == Family.PROCESS;
    }

    /**
     * Tasks in flight at once: {@code cores} the processors the JVM saw, {@code p} the resolved parallelism (null:
     * unknown), {@code tasks} the batch size (null: unbounded). Never below 1.
     */
    public int inFlight(int cores, Integer p, Integer tasks) {
        int k = switch (concurrency) {
            case ONE -> 1;
            case TASKS -> tasks == null ? Integer.MAX_VALUE : tasks;
            case COMMON_POOL -> commonPoolParallelism(cores);
            case COMMON_POOL_AND_CALLER -> commonPoolParallelism(cores) + 1;
            case PARALLELISM -> p == null ? cores : p;
        };
        return Math.max(1, tasks == null ? k : Math.min(k, tasks));
    }

    /** The label a table or chart puts after the name where {@code p} is ignored: "(ignores p)". */
    public String label() {
        return followsParallelism() || isBaseline() ? name : name + " (ignores p)";
    }

    /** The panel (chart) a model is drawn in: "JVM pools", "Python processes". */
    public String panel() {
        String side = python ? "Python " : "JVM ";
        return side + family.plural();
    }

    /** {@code ForkJoinPool.commonPool()}'s parallelism on a JVM that sees {@code cores} processors. */
    public static int commonPoolParallelism(int cores) {
        return Math.max(cores - 1, 1);
    }
}
