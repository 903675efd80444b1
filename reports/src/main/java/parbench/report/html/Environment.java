package parbench.report.html;

import parbench.report.analysis.Findings;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;
import parbench.report.run.TopologyMark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one input ran on, as label/value facts for the page: from the manifest where there is one, else from what
 * the JMH JSON itself records. Anything missing reads "unknown". Where the manifest records the sweep's CPU topology, a
 * "Topology" fact states it with its {@link TopologyMark} notes, and each core count names its physical cores and
 * packages.
 *
 * @param coreCounts one line per core count of the sweep: cores, how enforced, status
 * @param enforced   false when any core count was not enforced by affinity
 */
public record Environment(String label, List<Fact> facts, List<Fact> coreCounts, boolean enforced) {

    /** One labelled value. */
    public record Fact(String name, String value) {
    }

    private static final String UNKNOWN = "unknown";

    public static Environment of(RunInput input) {
        List<Fact> facts = new ArrayList<>();
        List<Fact> cores = new ArrayList<>();
        boolean enforced = true;
        facts.add(new Fact("Source", input.source().toString()));
        if (input.manifest().isPresent()) {
            RunManifest m = input.manifest().get();
            facts.add(new Fact("Host", or(m.host())));
            facts.add(new Fact("CPU", m.cpu() == null ? UNKNOWN : or(m.cpu().model()) + " — "
                    + or(m.cpu().logicalCores()) + " logical, " + or(m.cpu().physicalCores()) + " physical cores"));
            facts.add(new Fact("Memory", m.memoryBytes() == null ? UNKNOWN
                    : String.format(Locale.ROOT, "%.1f GiB", m.memoryBytes() / (1024.0 * 1024 * 1024))));
            facts.add(new Fact("OS", m.os() == null ? UNKNOWN : or(m.os().name()) + " " + or(m.os().version()) + " "
                    + or(m.os().arch())));
            facts.add(new Fact("JDK", m.jdk() == null ? UNKNOWN : or(m.jdk().vendor()) + " " + or(m.jdk().version())
                    + " (" + or(m.jdk().vmName()) + ")"));
            facts.add(new Fact("JVM flags", m.jvmFlags().isEmpty() ? "none" : String.join(" ", m.jvmFlags())));
            facts.add(new Fact("JMH", or(m.jmhVersion())));
            facts.add(new Fact("Profile", or(m.profile())));
            facts.add(new Fact("Commit", m.git() == null ? UNKNOWN : or(m.git().commit())
                    + (Boolean.TRUE.equals(m.git().dirty()) ? " (dirty working tree)" : "")));
            facts.add(new Fact("Time", or(m.startedAt()) + " → " + or(m.finishedAt())));
            if (m.stub() != null) {
                facts.add(new Fact("Wikipedia stub", or(m.stub().mode()) + ", " + or(m.stub().latencyMillis())
                        + " ms latency, capacity " + or(m.stub().capacityRequestsPerSecond()) + " req/s"));
            }
            facts.add(new Fact("parbench", or(m.parbenchVersion())));
            if (m.topology() != null) {
                facts.add(new Fact("Topology", topology(m.topology(), TopologyMark.of(input.manifest()))));
            }
            for (RunManifest.CoreCount c : m.coreCounts()) {
                enforced &= c.enforced();
                cores.add(new Fact(coreLabel(c.cores()), or(c.enforcement()) + " (CPUs " + or(c.cpuList())
                        + ", JVM saw " + or(c.jvmProcessors()) + onCores(c) + ") — " + or(c.status())
                        + (c.message() == null ? "" : ": " + c.message())));
            }
            if (m.python() != null) {
                RunManifest.Python py = m.python();
                facts.add(new Fact("Python", or(py.implementation()) + " " + or(py.version()) + " ("
                        + or(py.executable()) + ")" + (py.libraries().isEmpty() ? "" : ", " + new java.util.TreeMap<>(
                        py.libraries()).entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(java.util.stream.Collectors.joining(", ")))));
                for (RunManifest.PythonCoreCount c : py.coreCounts()) {
                    cores.add(new Fact(coreLabel(c.cores()) + ", Python", or(c.enforcement()) + " (CPUs "
                            + or(c.cpuList()) + ") — " + or(c.status()) + (c.message() == null ? "" : ": " + c.message())));
                }
            }
        } else {
            List<BenchmarkResult> results = input.results();
            facts.add(new Fact("JDK", distinct(results, r -> r.jdkVersion().orElse(null))
                    + " " + distinct(results, r -> r.vmName().orElse(null))));
            facts.add(new Fact("JVM", distinct(results, r -> r.jvm().orElse(null))));
            facts.add(new Fact("JVM flags", distinct(results, r -> String.join(" ", r.jvmArgs()))));
            facts.add(new Fact("JMH", distinct(results, r -> r.jmhVersion().orElse(null))));
            facts.add(new Fact("Manifest", "none: CPU, cores and their enforcement are unknown"));
        }
        return new Environment(input.label(), List.copyOf(facts), List.copyOf(cores), enforced);
    }

    private static String distinct(List<BenchmarkResult> results, Function<BenchmarkResult, String> field) {
        var values = new LinkedHashSet<String>();
        results.stream().map(field).filter(Objects::nonNull).limit(10_000).forEach(values::add);
        values.remove("");
        return values.isEmpty() ? UNKNOWN : String.join(", ", values.stream().limit(4).toList())
                + (values.size() > 4 ? ", …" : "");
    }

    /** E.g. "sysfs: 4 physical cores in 1 package, CPUs in the order 0-7 — core counts ≥ 5 share physical cores (SMT)". */
    private static String topology(RunManifest.Topology t, List<TopologyMark> marks) {
        String line = or(t.source()) + ": " + or(t.physicalCores()) + (Integer.valueOf(1).equals(t.physicalCores()) ? " physical core in " : " physical cores in ") + or(t.packages())
                + (Integer.valueOf(1).equals(t.packages()) ? " package" : " packages") + ", CPUs in the order "
                + or(t.order());
        return marks.isEmpty() ? line + " — no SMT siblings, one socket" : line + " — " + TopologyMark.notes(marks);
    }

    /** ", on 2 physical cores, 1 package, SMT siblings" where the manifest says so, else nothing. */
    private static String onCores(RunManifest.CoreCount c) {
        if (c.physicalCores() == null && c.packages() == null && c.smtSiblings() == null) {
            return "";
        }
        return ", on " + or(c.physicalCores()) + " physical "
                + (Integer.valueOf(1).equals(c.physicalCores()) ? "core" : "cores")
                + ", " + or(c.packages()) + (Integer.valueOf(1).equals(c.packages()) ? " package" : " packages")
                + (Boolean.TRUE.equals(c.smtSiblings()) ? ", SMT siblings" : "");
    }

    private static String or(Object value) {
        return Optional.ofNullable(value).map(String::valueOf).orElse(UNKNOWN);
    }

    private static String coreLabel(Integer cores) {
        return cores == null ? "? cores" : Findings.cores(cores);
    }
}
