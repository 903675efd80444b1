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
        List<CoreCount> coreCounts) {

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
     * How one core count of the sweep ran.
     *
     * @param enforcement {@code taskset} (affinity plus {@code -XX:ActiveProcessorCount}) or
     *                    {@code active-processor-count-only} (the JVM was told, the OS did not enforce it)
     * @param status      {@code ok}, {@code failed} or {@code interrupted}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CoreCount(Integer cores, String enforcement, String cpuList, Integer jvmProcessors, String jvmCpus,
                            String status, String resultFile, String logFile, String message) {

        /** True when the OS pinned the JVM to the cores (affinity), not only the JVM's own processor count. */
        public boolean enforced() {
            return "taskset".equals(enforcement);
        }
    }
}
