package parbench.bench.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which hardware threads share a physical core and which cores share a package (socket) and NUMA
 * node, as Linux's sysfs says ({@code /sys/devices/system/cpu/cpu<N>/topology/core_id},
 * {@code physical_package_id}, {@code thread_siblings_list}, and the {@code node<K>} entry of each
 * CPU), and the order a sweep takes CPUs in: one hardware thread per physical core in one package
 * first, then the other packages, then the SMT siblings. So core count c runs on c physical cores
 * of one socket while it can, and the curve bends where the {@link Choice} says siblings or a second
 * socket begin, not for reasons it does not show. Immutable.
 *
 * @param cpus the CPUs read, ascending by id
 */
public record CpuTopology(List<Cpu> cpus) {

    /** Where Linux publishes CPU topology. */
    public static final Path SYSFS = Path.of("/sys/devices/system/cpu");

    public CpuTopology {
        cpus = cpus.stream().sorted(Comparator.comparingInt(Cpu::id)).toList();
    }

    /**
     * One hardware thread.
     *
     * @param id the CPU number taskset takes
     * @param core its physical core's id, unique within the package
     * @param pkg its package (socket)
     * @param node its NUMA node, -1 where sysfs does not say
     * @param siblings the hardware threads of its core, itself included, ascending
     */
    public record Cpu(int id, int core, int pkg, int node, List<Integer> siblings) {
        public Cpu {
            siblings = List.copyOf(siblings);
        }
    }

    /**
     * The CPUs of one core count and where, in the sweep's order, a second package and SMT siblings begin.
     *
     * @param cpus the CPUs to pin to, in the sweep's order
     * @param physicalCores how many distinct physical cores they are on
     * @param packages how many packages (sockets) they span
     * @param smtSiblings whether two of them share a physical core
     */
    public record Choice(List<Integer> cpus, int physicalCores, int packages, boolean smtSiblings) {
        public Choice {
            cpus = List.copyOf(cpus);
        }

        /** {@code taskset -c} form, in the sweep's order (e.g. {@code 0,2,1}). */
        public String toList() {
            return new CpuAffinity(cpus).toList();
        }
    }

    /**
     * Reads the topology of the CPUs under {@code root} (normally {@link #SYSFS}; tests pass a
     * fixture), or empty where there is no {@code cpu<N>/topology} (not Linux, or a container that
     * hides it).
     *
     * @throws UncheckedIOException naming the file that exists but cannot be read
     */
    public static Optional<CpuTopology> read(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        var cpus = new ArrayList<Cpu>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().matches("cpu\\d+")).toList()) {
                Path topology = dir.resolve("topology");
                if (!Files.isDirectory(topology)) {
                    continue;
                }
                int id = Integer.parseInt(dir.getFileName().toString().substring(3));
                cpus.add(new Cpu(id, number(topology.resolve("core_id"), id),
                        number(topology.resolve("physical_package_id"), 0), node(dir),
                        siblings(topology.resolve("thread_siblings_list"), id)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading CPU topology under " + root, e);
        }
        return cpus.isEmpty() ? Optional.empty() : Optional.of(new CpuTopology(cpus));
    }

    /**
     * The CPUs of {@code allowed} in the sweep's order: the first hardware thread of each physical
     * core of the package of the lowest allowed CPU (node by node), then those of the other packages
     * (by package id), then every remaining sibling in the same order. CPUs outside {@code allowed} are
     * left out; allowed CPUs sysfs does not list go last.
     */
    public List<Integer> order(CpuAffinity allowed) {
        Set<Integer> permitted = new LinkedHashSet<>(allowed.cpus());
        List<Cpu> usable = cpus.stream().filter(cpu -> permitted.contains(cpu.id())).toList();
        if (usable.isEmpty()) {
            return allowed.cpus();
        }
        int firstPackage = usable.getFirst().pkg();
        Comparator<Cpu> byPackage = Comparator.comparingInt((Cpu cpu) -> cpu.pkg() == firstPackage ? -1 : cpu.pkg());
        Comparator<Cpu> inOrder = byPackage.thenComparingInt(Cpu::node).thenComparingInt(Cpu::core)
                .thenComparingInt(Cpu::id);
        var order = new ArrayList<Integer>();
        // a core's first thread is its lowest *allowed* thread: the affinity may exclude the lowest
        var seenCores = new LinkedHashSet<String>();
        var firsts = new ArrayList<Cpu>();
        var rest = new ArrayList<Cpu>();
        for (Cpu cpu : usable.stream().sorted(inOrder).toList()) {
            (seenCores.add(cpu.pkg() + "/" + cpu.core()) ? firsts : rest).add(cpu);
        }
        firsts.forEach(cpu -> order.add(cpu.id()));
        rest.forEach(cpu -> order.add(cpu.id()));
        permitted.stream().filter(id -> !order.contains(id)).forEach(order::add);
        return order;
    }

    /** The first {@code count} CPUs of {@link #order}, with how many cores and packages they span. */
    public Choice choose(CpuAffinity allowed, int count) {
        List<Integer> chosen = order(allowed).subList(0, Math.min(count, allowed.size()));
        var cores = new LinkedHashSet<String>();
        var packages = new LinkedHashSet<Integer>();
        for (int id : chosen) {
            Optional<Cpu> cpu = cpu(id);
            cores.add(cpu.map(c -> c.pkg() + "/" + c.core()).orElse("cpu" + id));
            packages.add(cpu.map(Cpu::pkg).orElse(0));
        }
        return new Choice(chosen, cores.size(), packages.size(), cores.size() < chosen.size());
    }

    /** The smallest core count whose CPUs span a second package, empty on one package. */
    public Optional<Integer> secondPackageFrom(CpuAffinity allowed) {
        return firstCountWhere(allowed, choice -> choice.packages() > 1);
    }

    /** The smallest core count whose CPUs include an SMT sibling, empty without SMT. */
    public Optional<Integer> smtSiblingsFrom(CpuAffinity allowed) {
        return firstCountWhere(allowed, Choice::smtSiblings);
    }

    private Optional<Integer> firstCountWhere(CpuAffinity allowed, java.util.function.Predicate<Choice> test) {
        for (int count = 1; count <= allowed.size(); count++) {
            if (test.test(choose(allowed, count))) {
                return Optional.of(count);
            }
        }
        return Optional.empty();
    }

    private Optional<Cpu> cpu(int id) {
        return cpus.stream().filter(cpu -> cpu.id() == id).findFirst();
    }

    private static int number(Path file, int fallback) throws IOException {
        if (!Files.isReadable(file)) {
            return fallback;
        }
        String text = Files.readString(file).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("not a number in " + file + ": '" + text + "'", e);
        }
    }

    private static List<Integer> siblings(Path file, int id) throws IOException {
        if (!Files.isReadable(file)) {
            return List.of(id);
        }
        try {
            return CpuAffinity.parse(Files.readString(file).strip()).cpus();
        } catch (NumberFormatException e) {
            throw new IOException("not a CPU list in " + file, e);
        }
    }

    private static int node(Path cpuDir) throws IOException {
        try (Stream<Path> entries = Files.list(cpuDir)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> name.matches("node\\d+"))
                    .map(name -> Integer.parseInt(name.substring(4))).findFirst().orElse(-1);
        }
    }
}
