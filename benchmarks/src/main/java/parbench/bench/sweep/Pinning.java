package parbench.bench.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How one core count is held to its CPUs, for the JMH JVM and the Python harness alike. Immutable.
 *
 * @param cores the core count
 * @param pinned whether {@code taskset} holds the process to {@code cpuList}
 * @param cpuList the CPUs chosen for the core count ({@code taskset -c} form), null where the
 *     affinity is unknown (not Linux)
 */
record Pinning(int cores, boolean pinned, String cpuList) {

    /**
     * The first {@code cores} CPUs of this process, pinned when {@code taskset} is wanted and can
     * hold a process to them.
     */
    static Pinning of(int cores, boolean tasksetWanted) {
        Optional<CpuAffinity> machine = CpuAffinity.ofCurrentProcess();
        String cpuList = machine.map(affinity -> affinity.first(cores).toList()).orElse(null);
        return new Pinning(cores, tasksetWanted && cpuList != null && tasksetWorks(cpuList), cpuList);
    }

    /** {@code taskset} when pinned, else {@code unpinned} (how the other side records it). */
    String enforcement(String unpinned) {
        return pinned ? "taskset" : unpinned;
    }

    /** The command prefix that pins a process: {@code taskset -c LIST}, or nothing. */
    List<String> taskset() {
        return pinned ? List.of("taskset", "-c", cpuList) : List.of();
    }

    private static boolean tasksetWorks(String cpuList) {
        try {
            Process check = new ProcessBuilder("taskset", "-c", cpuList, "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0;
        } catch (IOException e) {
            return false; // no taskset: recorded as active-processor-count-only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
