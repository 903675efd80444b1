package parbench.bench.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import parbench.workload.ComputeX;
import parbench.workload.CpuTask;
import parbench.workload.NoopTask;
import parbench.workload.WorkloadSpec;
import parbench.workload.wiki.WikiPageChecker;

/**
 * A class-data archive that shortens a worker JVM's start-up, chosen with
 * {@code -Dparbench.worker.cds=none|appcds|aot} (default {@code none}) and placed with
 * {@code -Dparbench.worker.cds.file=PATH} (default: a file in {@code java.io.tmpdir} named for
 * the JDK and class path, so a different build never maps a stale archive).
 *
 * <ul>
 *   <li>{@link Kind#NONE}: the JDK's default CDS archive only (JDK classes).</li>
 *   <li>{@link Kind#APP_CDS}: a dynamic AppCDS archive (JDK 13+) of the classes a worker loads
 *       (Jackson, the workloads, OkHttp): trained with {@code -XX:ArchiveClassesAtExit=F}, used with
 *       {@code -XX:SharedArchiveFile=F}.</li>
 *   <li>{@link Kind#AOT}: JDK 25's AOT cache (JEP 483/514): classes loaded and linked ahead of
 *       time; trained with {@code -XX:AOTCacheOutput=F} (one step in JDK 25; the JVM forks a short
 *       assembly JVM at exit), used with {@code -XX:AOTCache=F}.</li>
 * </ul>
 *
 * <p>{@link #prepare} trains the archive once, with one worker run to its end, before the pool
 * starts any worker: no pool worker ever writes the file (so {@code p} workers never race to
 * dump it, and {@code close()} never cuts a dump short). Models prepare it when built, in the
 * benchmark's trial set-up, so the training is never measured. A worker JVM that cannot map the
 * archive (say, another JDK) warns on stderr and starts without it.
 *
 * @param kind which archive
 * @param file where it lives; ignored for {@link Kind#NONE}
 */
public record StartupArchive(Kind kind, Path file) {

    public enum Kind { NONE, APP_CDS, AOT }

    public StartupArchive {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(file);
    }

    public static StartupArchive none() {
        return new StartupArchive(Kind.NONE, Path.of(""));
    }

    /** The archive the {@code parbench.worker.cds*} properties ask for; the error names a bad value. */
    public static StartupArchive fromSystemProperties() {
        String value = System.getProperty("parbench.worker.cds", "none").toLowerCase(Locale.ROOT);
        Kind kind = switch (value) {
            case "none", "" -> Kind.NONE;
            case "appcds", "cds" -> Kind.APP_CDS;
            case "aot" -> Kind.AOT;
            default -> throw new IllegalArgumentException(
                    "-Dparbench.worker.cds=" + value + " is not one of none, appcds, aot");
        };
        if (kind == Kind.NONE) {
            return none();
        }
        String file = System.getProperty("parbench.worker.cds.file");
        return new StartupArchive(kind, file != null ? Path.of(file) : defaultFile(kind));
    }

    private static Path defaultFile(Kind kind) {
        int key = (System.getProperty("java.home") + System.getProperty("java.vm.version")
                + System.getProperty("java.class.path")).hashCode();
        String name = "parbench-worker-%08x.%s".formatted(key, kind == Kind.AOT ? "aot" : "jsa");
        return Path.of(System.getProperty("java.io.tmpdir"), name);
    }

    /** The flags a pool worker gets: use the archive (never write it). */
    public List<String> jvmFlags() {
        return switch (kind) {
            case NONE -> List.of();
            case APP_CDS -> List.of("-XX:SharedArchiveFile=" + file);
            case AOT -> List.of("-XX:AOTCache=" + file);
        };
    }

    private List<String> trainingFlags() {
        return switch (kind) {
            case NONE -> List.of();
            case APP_CDS -> List.of("-XX:ArchiveClassesAtExit=" + file);
            case AOT -> List.of("-XX:AOTCacheOutput=" + file);
        };
    }

    /**
     * Makes sure the archive exists: if it does not, runs one worker with the training flags,
     * gives it a task of every workload (the wiki one against a closed port, which answers
     * "unknown" at once), closes its stdin and waits until it has written the archive and exited.
     *
     * @param workerCommand the worker's command line without archive flags
     * @throws IllegalStateException naming the file and the trainer's exit status if no archive results
     */
    public void prepare(List<String> workerCommand) {
        if (kind == Kind.NONE || Files.isRegularFile(file)) {
            return;
        }
        var command = new ArrayList<>(workerCommand);
        command.addAll(1, trainingFlags());
        var codec = new FrameCodec();
        List<TaskFrame> tasks = List.of(
                new TaskFrame(0, new NoopTask().spec(), codec.toTree(1)),
                new TaskFrame(1, new CpuTask(100_000).spec(), codec.toTree(1L)),
                new TaskFrame(2, ComputeX.withDefaultY(Duration.ofMillis(1)).spec(), codec.toTree(1)),
                new TaskFrame(3, new WorkloadSpec(WikiPageChecker.ID, Map.of("baseUrl", "http://127.0.0.1:1",
                        "concurrency", "1", "timeoutMillis", "1000")), codec.toTree("Ocean")));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Process trainer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (Writer stdin = new OutputStreamWriter(trainer.getOutputStream(), StandardCharsets.UTF_8);
                 var stdout = new BufferedReader(new InputStreamReader(trainer.getInputStream(), StandardCharsets.UTF_8))) {
                stdout.readLine();
                for (TaskFrame task : tasks) {
                    stdin.write(codec.write(task));
                    stdin.write('\n');
                    stdin.flush();
                    stdout.readLine();
                }
            } // closing stdin tells the trainer to exit, which is when it writes the archive
            if (!trainer.waitFor(5, TimeUnit.MINUTES)) {
                trainer.destroyForcibly().waitFor();
                throw new IllegalStateException("training the " + kind + " archive " + file + " took over 5 minutes");
            }
            if (trainer.exitValue() != 0 || !Files.isRegularFile(file)) {
                throw new IllegalStateException("training the " + kind + " archive " + file + " failed: exit status "
                        + trainer.exitValue() + (Files.isRegularFile(file) ? "" : ", no archive written")
                        + " (stderr above says why; archives need a class path of jars only, such as benchmarks.jar)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("training the " + kind + " archive " + file, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while training the " + kind + " archive " + file, e);
        }
    }
}
