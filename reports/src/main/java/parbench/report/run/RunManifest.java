package parbench.report.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a parbench run directory, read tolerantly: unknown fields are ignored and missing
 * ones are {@code null} (shown as "unknown").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunManifest(
        String parbenchVersion,
        Git git,
        String startedAt,
        String finishedAt,
        String host,
        Os os,
        Cpu cpu,
        Long memoryBytes,
        Jdk jdk,
        List<String> jvmFlags,
        String jmhVersion,
        String profile,
        Map<String, Object> parameters,
        Stub stub,
        List<CoreCount> coreCounts,
        Python python,
        Topology topology) {

    /** Whether the sweep never finished: still running, or killed before it could say so (no {@code finishedAt}). */
    public boolean unfinished() {
        return finishedAt == null;
    }

    public RunManifest {
        jvmFlags = jvmFlags == null ? List.of() : jvmFlags.stream().map(String::valueOf).toList();
        coreCounts = coreCounts == null ? List.of() : coreCounts.stream().filter(java.util.Objects::nonNull).toList();
        parameters = parameters == null ? Map.of() : parameters;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Git(String commit, Boolean dirty) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Os(String name, String version, String arch) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cpu(String model, Integer logicalCores, Integer physicalCores) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Jdk(String vendor, String version, String home, String vmName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stub(String mode, String url, Double latencyMillis, Double capacityRequestsPerSecond) {
    }

    /**
     * How the sweep chose the CPUs of its core counts: one hardware thread per physical core of one package first,
     * then the other packages, then SMT siblings. Absent (null) in manifests from before it was recorded and where the
     * sweep saw no topology (not Linux); each field may be null too.
     *
     * @param source            {@code sysfs}
     * @param order             the allowed CPUs in the order core counts take them; core count c uses the first c
     * @param physicalCores     physical cores among the allowed CPUs
     * @param packages          packages (sockets) among the allowed CPUs
     * @param secondPackageFrom the smallest core count whose CPUs span a second package, null on one package
     * @param smtSiblingsFrom   the smallest core count whose CPUs include an SMT sibling, null without SMT
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Topology(String source, String order, Integer physicalCores, Integer packages,
                           Integer secondPackageFrom, Integer smtSiblingsFrom) {
    }

    /**
     * How one core count of the sweep ran.
     *
     * @param enforcement {@code taskset} (affinity plus {@code -XX:ActiveProcessorCount}) or
     *                    {@code active-processor-count-only} (the JVM was told, the OS did not enforce it)
     * @param status      {@code ok}, {@code failed} or {@code interrupted}
     * @param physicalCores the distinct physical cores {@code cpuList} is on, null without topology
     * @param packages    the packages (sockets) {@code cpuList} spans, null without topology
     * @param smtSiblings whether two CPUs of {@code cpuList} share a physical core, null without topology
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoreCount(Integer cores, String enforcement, String cpuList, Integer jvmProcessors, String jvmCpus,
                            String status, String resultFile, String logFile, String message,
                            Integer physicalCores, Integer packages, Boolean smtSiblings) {

        /** True when the OS pinned the JVM to the cores (affinity), not only the JVM's own processor count. */
        public boolean enforced() {
            return "taskset".equals(enforcement);
        }
    }

    /**
     * The seed article's Python, when the sweep ran it ({@code parbench run --with-python}, {@code parbench python}).
     *
     * @param version        the interpreter's version, e.g. {@code 3.11.2}
     * @param implementation {@code CPython}
     * @param libraries      joblib, tqdm and requests with their versions
     * @param coreCounts     how each core count's Python run was pinned and ended
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Python(String version, String implementation, String executable, Map<String, String> libraries,
                         List<PythonCoreCount> coreCounts) {
        public Python {
            libraries = libraries == null ? Map.of() : libraries;
            coreCounts = coreCounts == null ? List.of()
                    : coreCounts.stream().filter(java.util.Objects::nonNull).toList();
        }
    }

    /** One core count of the Python harness: {@code enforcement} is {@code taskset} when pinned by affinity. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PythonCoreCount(Integer cores, String enforcement, String cpuList, String status, String resultFile,
                                  String logFile, String message) {
    }
}
