package parbench.bench.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CPUs a process may run on (Linux {@code Cpus_allowed_list}), as a sorted list of CPU ids.
 * Immutable.
 *
 * @param cpus the CPU ids, ascending
 */
public record CpuAffinity(List<Integer> cpus) {

    private static final Path STATUS = Path.of("/proc/self/status");

    public CpuAffinity {
        cpus = List.copyOf(cpus);
    }

    /**
     * The calling process's affinity, or empty where {@code /proc/self/status} does not say
     * (not Linux).
     */
    public static java.util.Optional<CpuAffinity> ofCurrentProcess() {
        if (!Files.isReadable(STATUS)) {
            return java.util.Optional.empty();
        }
        try {
            return Files.readAllLines(STATUS).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> parse(line.substring("Cpus_allowed_list:".length()).strip()))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + STATUS, e);
        }
    }

    /** Parses the kernel's list format, e.g. {@code 0-3,6,8-9}. */
    public static CpuAffinity parse(String list) {
        var cpus = new ArrayList<Integer>();
        for (String range : list.split(",")) {
            String[] ends = range.strip().split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length > 1 ? Integer.parseInt(ends[1]) : from;
            for (int cpu = from; cpu <= to; cpu++) {
                cpus.add(cpu);
            }
        }
        return new CpuAffinity(cpus);
    }

    /** The first {@code count} CPUs, for {@code taskset -c}; {@code count} in [1, size]. */
    public CpuAffinity first(int count) {
        return new CpuAffinity(cpus.subList(0, count));
    }

    /** The CPUs after the first {@code count}; empty when {@code count} is the size. */
    public CpuAffinity after(int count) {
        return new CpuAffinity(cpus.subList(count, cpus.size()));
    }

    /** The comma-separated list {@code taskset -c} takes, e.g. {@code 0,1}. */
    public String toList() {
        return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public int size() {
        return cpus.size();
    }
}
