package parbench.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Python side of parbench ({@code scripts/python}) as the Java tests run it: Debian's
 * {@code /usr/bin/python3}, never a pyenv shim, with no bytecode written into the checkout.
 *
 * <p>Output goes to files, not pipes, so a chatty child can never block; a child that outlives
 * its time-out is destroyed (with its descendants) and reported as such.
 */
final class PythonHarness {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** The install line CI and developers need when {@code /usr/bin/python3} is not there. */
    static final String INSTALL = "apt-get install python3-joblib python3-tqdm python3-requests python3-numba";

    /** What a finished command left: its exit code and both streams. */
    record Result(int exitCode, String stdout, String stderr) {
        List<String> lines() {
            return stdout.lines().toList();
        }

        String describe() {
            return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    private PythonHarness() {}

    /** The repository root: the parent of the {@code workloads} module directory. */
    static Path repositoryRoot() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        return module.getParent();
    }

    static Path pythonDir() {
        return repositoryRoot().resolve("scripts").resolve("python");
    }

    /** Runs {@code scripts/python/parbench_python.py} with {@code args}. */
    static Result harness(List<String> args, Map<String, String> env, long timeoutSeconds, Path scratch)
            throws IOException, InterruptedException {
        var command = new ArrayList<String>(List.of(PYTHON.toString(), "-B", pythonDir().resolve("parbench_python.py").toString()));
        command.addAll(args);
        return run(command, env, timeoutSeconds, scratch);
    }

    /** Runs {@code /usr/bin/python3 ...} in the repository root. */
    static Result run(List<String> command, Map<String, String> env, long timeoutSeconds, Path scratch)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            throw new AssertionError(PYTHON + " is missing; install with: " + INSTALL);
        }
        Path out = Files.createTempFile(scratch, "python-", ".out");
        Path err = Files.createTempFile(scratch, "python-", ".err");
        var builder = new ProcessBuilder(command)
                .directory(repositoryRoot().toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new AssertionError("'" + String.join(" ", command) + "' ran past " + timeoutSeconds
                        + " s\n" + Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return new Result(process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
