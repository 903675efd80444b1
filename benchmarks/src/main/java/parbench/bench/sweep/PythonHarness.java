package parbench.bench.sweep;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The seed article's Python ({@code scripts/python/parbench_python.py}) as the sweep runs it: one
 * CPython process per core count, started under the same {@code taskset} as that core count's JMH
 * JVM and pointed at the sweep's own Wikipedia stub, writing {@code python-cores-<c>.json} into the
 * run directory. The harness measures; this class only builds its command lines and asks it for
 * its {@link Plan} first, so a missing interpreter or library stops the sweep before anything runs.
 * Immutable.
 *
 * @param interpreter the interpreter and its flags, normally Debian's {@code /usr/bin/python3 -B}
 *     (-B: no {@code __pycache__} in the checkout)
 * @param script {@code parbench_python.py}
 */
public record PythonHarness(List<String> interpreter, Path script) {

    /** Debian's CPython, with the article's libraries from Debian packages (see README). */
    public static final List<String> DEBIAN_PYTHON = List.of("/usr/bin/python3", "-B");
    /** What to install when there is no interpreter at all. */
    static final String INSTALL = "apt-get install python3 python3-joblib python3-tqdm python3-requests python3-numba";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final long PLAN_TIMEOUT_SECONDS = 120;

    public PythonHarness {
        interpreter = List.copyOf(interpreter);
    }

    /** The harness of the same checkout under {@code python} instead (run with {@code -B}, as Debian's is). */
    public PythonHarness under(Path python) {
        return new PythonHarness(List.of(python.toString(), "-B"), script);
    }

    /** The harness of the checkout holding {@code classpath} ({@code <root>/benchmarks/target/...}). */
    public static PythonHarness ofCheckout(String classpath) {
        Path root = Path.of(classpath.split(java.io.File.pathSeparator)[0]).toAbsolutePath();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("scripts/python/parbench_python.py");
            if (Files.isRegularFile(script)) {
                return new PythonHarness(DEBIAN_PYTHON, script);
            }
        }
        return new PythonHarness(DEBIAN_PYTHON, Path.of("scripts/python/parbench_python.py").toAbsolutePath());
    }

    /**
     * What a run measures, as the harness's {@code plan} prints it.
     *
     * @param python the interpreter's version, e.g. {@code 3.11.2}
     * @param implementation {@code CPython}
     * @param executable the interpreter's path
     * @param libraries joblib, tqdm and requests with their versions
     * @param points points per core count
     * @param wiki whether a point checks pages, so the stub must run
     * @param estimatedSeconds the iterations' time per core count, start-up excluded
     * @param interpreter the interpreter in full: label, sys.version, GIL state, libraries
     * @param skipped one line per missing library naming what it skips, e.g.
     *     {@code skipping py-numba-prange, py-numba-threads: /usr/bin/python3.13 has no numba}
     */
    public record Plan(String python, String implementation, String executable, Map<String, String> libraries,
            int points, boolean wiki, double estimatedSeconds, RunManifest.PythonInterpreter interpreter,
            List<String> skipped) {
        public Plan {
            skipped = skipped == null ? List.of() : List.copyOf(skipped);
        }

        /** The {@code python} param of this interpreter's rows; its executable for a harness too old to say. */
        public String label() {
            return interpreter != null ? interpreter.label() : executable;
        }
    }

    /** The interpreter or one of its libraries is missing; the message is the one line telling what to install. */
    public static final class UnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        UnavailableException(String message) {
            super(message);
        }
    }

    /**
     * Asks the harness what it would measure.
     *
     * @param include the user's regex, or null for every point
     * @throws UnavailableException when the interpreter or a library is missing (the harness exits 2)
     * @throws IOException naming the command when it fails otherwise
     */
    public Plan plan(String profile, String include) throws UnavailableException, IOException {
        var command = new ArrayList<>(base());
        command.addAll(List.of("plan", "--profile", profile));
        if (include != null) {
            command.addAll(List.of("--include", include));
        }
        if (!Files.isRegularFile(script)) {
            throw new IOException("the Python harness " + script + " is missing from this checkout");
        }
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UnavailableException(interpreter.getFirst() + " cannot be started (" + e.getMessage()
                    + "); install with: " + INSTALL);
        }
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String out = text(process.getInputStream());
        try {
            if (!process.waitFor(PLAN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ProcessTree.destroy(process);
                throw new IOException("no plan within " + PLAN_TIMEOUT_SECONDS + " s from " + String.join(" ", command));
            }
            String stderr = err.get(PLAN_TIMEOUT_SECONDS, TimeUnit.SECONDS).strip();
            if (process.exitValue() == 2) {
                // the harness's own line: "parbench python: /usr/bin/python3 lacks python3-joblib; install with: ..."
                String last = stderr.lines().reduce((a, b) -> b).orElse("exit 2 from " + String.join(" ", command));
                throw new UnavailableException(last.replaceFirst("^parbench python: ", ""));
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with status " + process.exitValue()
                        + ": " + stderr);
            }
            return JSON.readValue(out, Plan.class);
        } catch (InterruptedException e) {
            ProcessTree.destroy(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + script + " for its plan", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("reading the error output of " + String.join(" ", command), e);
        }
    }

    /**
     * The command measuring one core count; run it under {@code taskset -c <first cores CPUs>}, so
     * {@code --cores cores} is every CPU the process may use and its pools inherit the affinity.
     *
     * @param include the user's regex, or null for every point
     * @param stubUrl the sweep's stub, or null when no point checks pages
     */
    public List<String> command(String profile, String include, int cores, Path runDirectory, String stubUrl,
            long stubLatencyMillis) {
        var command = new ArrayList<>(base());
        command.addAll(List.of("--profile", profile, "--cores", String.valueOf(cores), "--out", runDirectory.toString()));
        if (include != null) {
            command.addAll(List.of("--include", include));
        }
        if (stubUrl != null) {
            command.addAll(List.of("--stub-url", stubUrl, "--stub-latency-ms", String.valueOf(stubLatencyMillis)));
        }
        return command;
    }

    private List<String> base() {
        var command = new ArrayList<>(interpreter);
        command.add(script.toString());
        return command;
    }

    private static String text(InputStream in) {
        try (in) {
            var bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the Python harness's output", e);
        }
    }
}
