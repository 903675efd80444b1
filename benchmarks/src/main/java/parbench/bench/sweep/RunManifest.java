package parbench.bench.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code manifest.json} of a run directory: what was measured, on what, how each core count was
 * enforced and how it ended. The report reads exactly these names. Immutable; {@link #with}
 * returns a copy with one core count added or replaced.
 *
 * @param parbenchVersion the suite's version
 * @param git the commit measured
 * @param startedAt ISO-8601 instant the sweep started
 * @param finishedAt ISO-8601 instant it ended, null while it runs
 * @param host the host name
 * @param os operating system and kernel
 * @param cpu processor model and counts
 * @param memoryBytes physical memory
 * @param jdk the JDK every benchmark JVM ran on (the sweep's own)
 * @param jvmFlags the flags passed to every benchmark fork besides the per-core-count ones
 * @param jmhVersion JMH's version
 * @param profile the sweep profile's name
 * @param parameters the include regex and the JMH options
 * @param stub the Wikipedia stub, or {@code mode: none}
 * @param coreCounts one entry per core count started, in order
 * @param python the Python harness's runs, null when none was asked for
 * @param topology how the sweep chose CPUs, null where it had no topology (not Linux)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "status", allowGetters = true)
public record RunManifest(
        String parbenchVersion,
        Git git,
        String startedAt,
        String finishedAt,
        String host,
        Os os,
        Cpu cpu,
        long memoryBytes,
        Jdk jdk,
        List<String> jvmFlags,
        String jmhVersion,
        String profile,
        Parameters parameters,
        Stub stub,
        List<CoreCount> coreCounts,
        Python python,
        Topology topology) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RunManifest {
        jvmFlags = List.copyOf(jvmFlags);
        coreCounts = List.copyOf(coreCounts);
    }

    /** @param commit full hash, null outside a git checkout; @param dirty uncommitted changes */
    public record Git(String commit, boolean dirty) {}

    public record Os(String name, String version, String arch) {}

    /** @param model as {@code /proc/cpuinfo} names it, or {@code unknown} */
    public record Cpu(String model, int logicalCores, int physicalCores) {}

    public record Jdk(String vendor, String version, String home, String vmName) {}

    /** @param include the benchmark regex; @param jmhOptions the profile's and the user's JMH options */
    public record Parameters(String include, List<String> jmhOptions) {
        public Parameters {
            jmhOptions = List.copyOf(jmhOptions);
        }
    }

    /**
     * @param mode {@code external} (own JVM) or {@code none} (no Wiki benchmark selected)
     * @param capacityRequestsPerSecond measured at start with the load driver; null where not measured
     * @param cpuList the CPUs the stub was pinned to, null when unpinned
     * @param capacity the load driver's one-line summary (in flight, latency percentiles)
     */
    public record Stub(String mode, String url, Long latencyMillis, Double capacityRequestsPerSecond,
            String cpuList, String capacity) {
        public static Stub none() {
            return new Stub("none", null, null, null, null, null);
        }
    }

    /**
     * How the sweep chose the CPUs of its core counts ({@link CpuTopology}): one hardware thread per
     * physical core of one package first, then the other packages, then SMT siblings.
     *
     * @param source {@code sysfs} ({@code /sys/devices/system/cpu/cpu<N>/topology})
     * @param order the allowed CPUs in the order core counts take them; core count c uses the first c
     * @param physicalCores physical cores among the allowed CPUs
     * @param packages packages (sockets) among the allowed CPUs
     * @param secondPackageFrom the smallest core count whose CPUs span a second package, null on one
     * @param smtSiblingsFrom the smallest core count whose CPUs include an SMT sibling, null without SMT
     */
    public record Topology(String source, String order, int physicalCores, int packages, Integer secondPackageFrom,
            Integer smtSiblingsFrom) {}

    /** What one side (JMH or Python) recorded for one core count. */
    public sealed interface Entry permits CoreCount, PythonCoreCount {
        int cores();

        /** {@code ok}, {@code failed} or {@code interrupted} ({@code running} while it runs, JMH only). */
        String status();

        /** Why it failed or was interrupted, else null. */
        String message();
    }

    /**
     * One core count.
     *
     * @param enforcement {@code taskset} or {@code active-processor-count-only}
     * @param cpuList the CPUs it was pinned to, null when not pinned
     * @param jvmProcessors {@code availableProcessors()} a benchmark fork reported, null if none did
     * @param jvmCpus the affinity a benchmark fork reported, null if none did
     * @param status {@code running}, {@code ok}, {@code failed} or {@code interrupted}
     * @param resultFile JMH JSON, relative to the run directory; null unless JMH wrote it (a
     *     {@code failed} core count keeps the points that did not fail)
     * @param message why it failed or was interrupted, else null; names each failed point
     * @param failedPoints the points JMH started but scored no result for, empty when none
     * @param physicalCores the distinct physical cores {@code cpuList} is on, null without topology
     * @param packages the packages (sockets) {@code cpuList} spans, null without topology
     * @param smtSiblings whether two CPUs of {@code cpuList} share a physical core, null without topology
     */
    public record CoreCount(int cores, String enforcement, String cpuList, Integer jvmProcessors,
            String jvmCpus, String status, String resultFile, String logFile, String message,
            List<String> jvmArgs, List<FailedPoint> failedPoints, Integer physicalCores, Integer packages,
            Boolean smtSiblings) implements Entry {
        public CoreCount {
            jvmArgs = List.copyOf(jvmArgs);
            failedPoints = failedPoints == null ? List.of() : List.copyOf(failedPoints);
        }
    }

    /**
     * A benchmark point that threw (in set-up, or a wrong output) and so has no result.
     *
     * @param benchmark e.g. {@code SleepBenchmark.batch}
     * @param params its JMH parameters, e.g. {@code tasks: 0}
     * @param error the first line JMH printed about it, usually the exception
     */
    public record FailedPoint(String benchmark, java.util.Map<String, String> params, String error) {
        public FailedPoint {
            params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        }
    }

    /**
     * The seed article's Python, run by the sweep after each core count's JMH run.
     *
     * @param version the interpreter's version, e.g. {@code 3.11.2}
     * @param implementation {@code CPython}
     * @param executable the interpreter's path
     * @param libraries the first interpreter's optional libraries with their versions (absent: not installed)
     * @param coreCounts one entry per core count and interpreter the harness was started for (or kept from), in
     *     order
     * @param interpreters every interpreter of the run ({@code --python}, repeatable), the first being the one
     *     {@code version}, {@code implementation} and {@code executable} describe; their rows share each
     *     {@code python-cores-<c>.json}, told apart by the {@code python} param (the interpreter's label)
     */
    public record Python(String version, String implementation, String executable, java.util.Map<String, String> libraries,
            List<PythonCoreCount> coreCounts, List<PythonInterpreter> interpreters) {
        public Python {
            libraries = java.util.Map.copyOf(libraries);
            coreCounts = List.copyOf(coreCounts);
            interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
        }

        /** This record with {@code entry} replacing the entry of the same core count and interpreter, or appended. */
        public Python with(PythonCoreCount entry) {
            var entries = new ArrayList<PythonCoreCount>();
            boolean replaced = false;
            for (PythonCoreCount existing : coreCounts) {
                boolean same = existing.cores() == entry.cores()
                        && java.util.Objects.equals(existing.python(), entry.python());
                replaced |= same;
                entries.add(same ? entry : existing);
            }
            if (!replaced) {
                entries.add(entry);
            }
            return new Python(version, implementation, executable, libraries, entries, interpreters);
        }
    }

    /**
     * One Python interpreter as its harness described itself ({@code parbench_python.py plan}).
     *
     * @param label the {@code python} param of its rows, e.g. {@code cpython-3.11.2}, {@code cpython-3.13.1t}
     *     (free-threaded, GIL off) or {@code cpython-3.13.1t-gil} (free-threaded build, GIL back on)
     * @param sysVersion its {@code sys.version}
     * @param pyGilDisabled {@code sysconfig.get_config_var("Py_GIL_DISABLED")}: a free-threaded build
     * @param gilEnabled {@code sys._is_gil_enabled()} where it exists, else true
     * @param libraries each optional library (joblib, tqdm, requests, numba, numpy) with its version, or null
     *     where missing
     */
    public record PythonInterpreter(String label, String implementation, String version, String sysVersion,
            String executable, boolean pyGilDisabled, boolean gilEnabled, java.util.Map<String, String> libraries) {
        public PythonInterpreter {
            libraries = libraries == null ? java.util.Map.of()
                    : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(libraries));
        }
    }

    /**
     * One core count of the Python harness.
     *
     * @param enforcement {@code taskset}, or {@code sched-setaffinity} where taskset is unavailable or
     *     turned off: the harness always pins itself to its first c CPUs ({@code os.sched_setaffinity},
     *     what it saw recorded in its JSON), so Python has no "told but not enforced" mode like the JVM's
     * @param cpuList the CPUs it was pinned to, null when not pinned
     * @param status {@code ok}, {@code failed} (a point failed or the harness did; the others are in the
     *     result file) or {@code interrupted}
     * @param resultFile {@code python-cores-<c>.json}, null when the harness wrote none
     * @param message why it failed or was interrupted, else null
     * @param python the interpreter's label ({@link PythonInterpreter#label}), null in manifests from before
     *     interpreters were recorded
     */
    public record PythonCoreCount(int cores, String enforcement, String cpuList, String status, String resultFile,
            String logFile, String message, String python) implements Entry {}

    /** This manifest with its Python record set. */
    public RunManifest withPython(Python newPython) {
        return new RunManifest(parbenchVersion, git, startedAt, finishedAt, host, os, cpu, memoryBytes, jdk,
                jvmFlags, jmhVersion, profile, parameters, stub, coreCounts, newPython, topology);
    }

    /**
     * This manifest with {@code entry} replacing its side's entry of the same core count, or appended;
     * a Python entry needs the {@link #python} record to be set.
     */
    public RunManifest with(Entry entry) {
        return switch (entry) {
            case CoreCount jvm -> with(jvm);
            case PythonCoreCount py -> withPython(python.with(py));
        };
    }

    /** This manifest with {@code entry} replacing the entry of the same core count, or appended. */
    public RunManifest with(CoreCount entry) {
        var entries = new ArrayList<CoreCount>();
        boolean replaced = false;
        for (CoreCount existing : coreCounts) {
            if (existing.cores() == entry.cores()) {
                entries.add(entry);
                replaced = true;
            } else {
                entries.add(existing);
            }
        }
        if (!replaced) {
            entries.add(entry);
        }
        return new RunManifest(parbenchVersion, git, startedAt, finishedAt, host, os, cpu, memoryBytes, jdk,
                jvmFlags, jmhVersion, profile, parameters, stub, entries, python, topology);
    }

    /**
     * How the run stands, written beside {@code finishedAt} so that a reader need not infer it:
     * {@code running} until the sweep ends (the manifest is written with it at the start, so a
     * sweep killed by SIGKILL leaves a run directory that says it never finished), then
     * {@code interrupted} if any entry was, {@code failed} if any failed, else {@code ok}.
     */
    @com.fasterxml.jackson.annotation.JsonProperty("status")
    public String status() {
        if (finishedAt == null) {
            return "running";
        }
        var statuses = new ArrayList<String>();
        coreCounts.forEach(entry -> statuses.add(entry.status()));
        if (python != null) {
            python.coreCounts().forEach(entry -> statuses.add(entry.status()));
        }
        if (statuses.contains("interrupted")) {
            return "interrupted";
        }
        return statuses.stream().allMatch("ok"::equals) ? "ok" : "failed";
    }

    /** This manifest with its end time set. */
    public RunManifest finishedAt(String instant) {
        return new RunManifest(parbenchVersion, git, startedAt, instant, host, os, cpu, memoryBytes, jdk,
                jvmFlags, jmhVersion, profile, parameters, stub, coreCounts, python, topology);
    }

    /** This manifest with its stub set. */
    public RunManifest withStub(Stub newStub) {
        return new RunManifest(parbenchVersion, git, startedAt, finishedAt, host, os, cpu, memoryBytes, jdk,
                jvmFlags, jmhVersion, profile, parameters, newStub, coreCounts, python, topology);
    }

    /** Writes this manifest to {@code file} atomically (temp file, then rename). */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(this), true);
    }

    /** Reads a manifest written by {@link #write}. */
    public static RunManifest read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), RunManifest.class);
    }
}
