package parbench.bench.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Facts about the machine, JDK and checkout a sweep runs on, for the manifest. Reads
 * {@code /proc} on Linux and falls back to the JDK's view elsewhere. Stateless.
 */
public final class MachineFacts {

    private static final Path CPUINFO = Path.of("/proc/cpuinfo");

    private MachineFacts() {}

    /** The host name, {@code localhost} where it cannot be resolved. */
    public static String host() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    public static RunManifest.Os os() {
        return new RunManifest.Os(System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
    }

    /** CPU model and counts; physical cores from distinct (physical id, core id) pairs. */
    public static RunManifest.Cpu cpu() {
        int logical = Runtime.getRuntime().availableProcessors();
        if (!Files.isReadable(CPUINFO)) {
            return new RunManifest.Cpu("unknown", logical, logical);
        }
        try {
            List<String> lines = Files.readAllLines(CPUINFO);
            String model = lines.stream().filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown");
            var cores = new HashSet<String>();
            int logicalTotal = 0;
            String physicalId = "0";
            for (String line : lines) {
                if (line.startsWith("processor")) {
                    logicalTotal++;
                } else if (line.startsWith("physical id")) {
                    physicalId = line.substring(line.indexOf(':') + 1).strip();
                } else if (line.startsWith("core id")) {
                    cores.add(physicalId + "/" + line.substring(line.indexOf(':') + 1).strip());
                }
            }
            int logicalCores = logicalTotal > 0 ? logicalTotal : logical;
            return new RunManifest.Cpu(model, logicalCores, cores.isEmpty() ? logicalCores : cores.size());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + CPUINFO, e);
        }
    }

    public static long memoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    /** The JDK of this JVM, which also runs every benchmark JVM of the sweep. */
    public static RunManifest.Jdk jdk() {
        return new RunManifest.Jdk(System.getProperty("java.vendor"), System.getProperty("java.version"),
                System.getProperty("java.home"), System.getProperty("java.vm.name"));
    }

    /** The {@code java} launcher of this JVM, so benchmark JVMs run on the same JDK. */
    public static Path javaLauncher() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** The commit checked out in {@code directory} and whether it has uncommitted changes. */
    public static RunManifest.Git git(Path directory) {
        String commit = runGit(directory, "rev-parse", "HEAD");
        if (commit == null) {
            return new RunManifest.Git(null, false);
        }
        String status = runGit(directory, "status", "--porcelain", "--untracked-files=no");
        return new RunManifest.Git(commit.strip(), status == null || !status.isBlank());
    }

    private static String runGit(Path directory, String... args) {
        var command = new java.util.ArrayList<String>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process git = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(30, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null; // no git installed: the manifest says commit null
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
