package parbench.bench.sweep;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Wikipedia stub in its own JVM ({@code parbench.workload.stub.StubCommand}), outside the
 * measured cores: pinned to the CPUs the benchmark does not use when there are any, else unpinned.
 * Its output goes to {@code stub.log}. {@link #close} stops it and its descendants. Not
 * thread-safe, except that {@link #close} may be called from a shutdown hook.
 */
public final class StubProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private static final long START_TIMEOUT_SECONDS = 60;

    private final Process process;
    private final String url;
    private final Thread drain;

    private StubProcess(Process process, String url, Thread drain) {
        this.process = process;
        this.url = url;
        this.drain = drain;
    }

    /**
     * Starts the stub and waits until it prints its URL.
     *
     * @param cpus CPUs to pin it to ({@code taskset -c}), or empty to leave it unpinned
     * @throws IOException naming the command when it cannot start or does not say its URL in time
     */
    public static StubProcess start(Path java, String classpath, long latencyMillis, List<Integer> cpus,
            Path log) throws IOException {
        var command = new ArrayList<String>();
        if (!cpus.isEmpty()) {
            command.addAll(List.of("taskset", "-c", new CpuAffinity(cpus).toList()));
        }
        // under ParentWatch: the stub dies with the sweep's JVM, even when that is SIGKILLed
        command.addAll(List.of(java.toString(), "-cp", classpath, ParentWatch.class.getName(),
                "parbench.workload.stub.StubCommand",
                "--port", "0", "--latency-ms", String.valueOf(latencyMillis)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        var urlFound = new CompletableFuture<String>();
        Thread drain = Thread.ofPlatform().daemon().name("stub-output").start(() -> {
            try (out; reader) {
                String line;
                while ((line = reader.readLine()) != null) {
                    out.write(line);
                    out.write('\n');
                    out.flush();
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        urlFound.complete(m.group(1));
                    }
                }
                urlFound.completeExceptionally(new IOException("the stub exited before saying its URL; see " + log));
            } catch (IOException e) {
                urlFound.completeExceptionally(e);
            }
        });
        try {
            return new StubProcess(process, urlFound.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS), drain);
        } catch (ExecutionException | TimeoutException e) {
            ProcessTree.destroy(process);
            throw new IOException("starting the stub: " + String.join(" ", command) + " (see " + log + ")", e);
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the stub", e);
        }
    }

    /** The stub's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** Stops the stub (SIGTERM, then SIGKILL after 10 s) and waits for it. */
    @Override
    public void close() {
        ProcessTree.destroy(process);
        try {
            drain.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
