package parbench.report.ab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the benchmarks jar of another commit ({@code ab --base-ref REF}): a detached git worktree of {@code REF} in
 * a temporary folder, {@code mvn -B -q -ntp -DskipTests -DskipBenchmarks -pl benchmarks -am package} there, the jar
 * copied out, and the worktree removed again, also when the build fails. Stateless.
 *
 * @param repository the checkout whose history holds {@code REF}
 * @param maven      the Maven command ({@code mvn}), with extra arguments such as {@code -o}
 * @param timeout    how long the build may take
 */
public record RefBuild(Path repository, List<String> maven, Duration timeout) {

    /** Builds {@code ref}'s jar into {@code target}; the log goes to {@code log}. */
    public Path build(String ref, Path target, Path log) throws IOException, InterruptedException {
        Path worktree = Files.createTempDirectory("parbench-ab-" + ref.replaceAll("[^A-Za-z0-9._-]", "_") + "-");
        Files.delete(worktree);
        run(List.of("git", "-C", repository.toString(), "worktree", "add", "--detach", worktree.toString(), ref),
                repository, log, "git worktree add " + ref);
        try {
            List<String> command = new ArrayList<>(maven);
            command.addAll(List.of("-B", "-q", "-ntp", "-DskipTests", "-DskipBenchmarks", "-pl", "benchmarks", "-am",
                    "package"));
            run(command, worktree, log, "building the benchmarks of " + ref);
            Path jar = worktree.resolve("benchmarks/target/benchmarks.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IOException("building " + ref + " made no benchmarks/target/benchmarks.jar; see " + log);
            }
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            run(List.of("git", "-C", repository.toString(), "worktree", "remove", "--force", worktree.toString()),
                    repository, log, "git worktree remove");
        }
    }

    private void run(List<String> command, Path dir, Path log, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException(what + " did not finish within " + timeout.toMinutes() + " min; see " + log);
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
        if (process.exitValue() != 0) {
            throw new IOException(what + " failed (exit " + process.exitValue() + "); see " + log);
        }
    }
}
