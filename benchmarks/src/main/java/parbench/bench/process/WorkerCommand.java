package parbench.bench.process;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The command line that starts one worker JVM: the parent's own {@code java}, the parent's class
 * path, a few fixed flags, what the parent's own flags say about the core count, and the
 * parent's {@code -Dparbench.*} properties (the stub's URL among them).
 *
 * <p>Flags, and why:
 * <ul>
 *   <li>{@code -XX:ActiveProcessorCount=n}, copied when the parent has it: a sweep point's core
 *       count holds in the workers too.</li>
 *   <li>{@code -XX:+UseSerialGC}: a worker runs one task at a time on one thread; a single-threaded
 *       collector fits it and keeps {@code p} workers from adding {@code p} sets of concurrent GC
 *       threads to the measured cores. It starts a little faster than G1. The CPU workload
 *       allocates nothing, so the collector does not change its speed.</li>
 *   <li>{@code -Xmx}{@value #DEFAULT_HEAP} (override: {@code -Dparbench.worker.heap=256m}): a worker
 *       holds one task's input and output and a workload; a small heap keeps {@code p} workers
 *       from reserving a quarter of the machine's memory each.</li>
 *   <li>{@code -XX:+DisplayVMOutputToStderr}: VM warnings would otherwise go to stdout and corrupt
 *       the frame stream.</li>
 *   <li>Not {@code -XX:TieredStopAtLevel=1}: it starts faster but runs the CPU workload at C1
 *       speed, which would make process workers look slower than they are.</li>
 *   <li>Start-up archives are a {@link StartupArchive} the caller chooses.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class WorkerCommand {

    static final String DEFAULT_HEAP = "128m";

    private final String mainClass;
    private final StartupArchive archive;

    private WorkerCommand(String mainClass, StartupArchive archive) {
        this.mainClass = Objects.requireNonNull(mainClass);
        this.archive = Objects.requireNonNull(archive);
    }

    /** A {@link WorkerMain} worker, with the start-up archive {@link StartupArchive#fromSystemProperties()} picks. */
    public static WorkerCommand workerMain() {
        return new WorkerCommand(WorkerMain.class.getName(), StartupArchive.fromSystemProperties());
    }

    /** A worker whose {@code main} is {@code mainClass} (on the parent's class path); tests use stand-ins. */
    static WorkerCommand forMain(String mainClass, StartupArchive archive) {
        return new WorkerCommand(mainClass, archive);
    }

    /** Trains the start-up archive if it is missing (see {@link StartupArchive#prepare}); idempotent. */
    public void prepareArchive() {
        archive.prepare(command(false));
    }

    /** The full command: java, flags, class path, main class. */
    public List<String> command() {
        return command(true);
    }

    private List<String> command(boolean withArchive) {
        var command = new ArrayList<String>();
        command.add(javaExecutable());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (argument.startsWith("-XX:ActiveProcessorCount=")) {
                command.add(argument);
            }
        }
        command.add("-XX:+UseSerialGC");
        command.add("-Xmx" + System.getProperty("parbench.worker.heap", DEFAULT_HEAP));
        command.add("-XX:+DisplayVMOutputToStderr");
        if (withArchive) {
            command.addAll(archive.jvmFlags());
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(name -> name.startsWith("parbench."))
                .sorted()
                .forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return List.copyOf(command);
    }

    /** The running JVM's launcher; {@code java.home/bin/java} where the OS does not tell. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    @Override
    public String toString() {
        return String.join(" ", command());
    }
}
