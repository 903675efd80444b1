package parbench.report.ab;

import parbench.report.jmh.BadInputException;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.JmhJsonReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fork of every selected benchmark of one build: {@code java -jar JAR [INCLUDE] -f 1 -rf json -rff FILE
 * OPTIONS}, its output to a log file, within a timeout (the process tree is destroyed when it passes or the caller
 * is interrupted). Stateless and thread-safe; one call runs one JMH process.
 *
 * @param java    the java executable that launches JMH (the forks use JMH's default: the same JVM, unless
 *                {@code -jvm} is among the options)
 * @param timeout how long one fork of everything may take
 */
public record JmhFork(Path java, Duration timeout) {

    static final int LOCK_RETRY_SECONDS = 2;

    /** What JMH prints when another JMH run on the machine holds {@code /tmp/jmh.lock}. */
    static final String LOCK_MESSAGE = "Unable to acquire the JMH lock";
    private static final Duration LOCK_RETRY = Duration.ofSeconds(LOCK_RETRY_SECONDS);

    /**
     * The fork's results; a failed or timed-out JMH run is an {@link IOException} naming the log. When another JMH
     * holds the machine's JMH lock, the fork is started again every {@value #LOCK_RETRY_SECONDS} s until the timeout:
     * two benchmark runs must not share the machine, and a CI runner may be finishing another job's JMH.
     */
    public List<BenchmarkResult> run(Path jar, List<String> include, List<String> options, Path json, Path log)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return runOnce(jar, include, options, json, log);
            } catch (IOException e) {
                if (!Files.isRegularFile(log) || !Files.readString(log).contains(LOCK_MESSAGE)
                        || System.nanoTime() + LOCK_RETRY.toNanos() > deadline) {
                    throw e;
                }
                Thread.sleep(LOCK_RETRY.toMillis());
            }
        }
    }

    private List<BenchmarkResult> runOnce(Path jar, List<String> include, List<String> options, Path json, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
        command.addAll(include);
        command.addAll(List.of("-f", "1", "-rf", "json", "-rff", json.toString()));
        command.addAll(options);
        Files.deleteIfExists(json);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("JMH did not finish within " + timeout.toSeconds() + " s (" + jar
                        + "); see " + log);
            }
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        if (process.exitValue() != 0) {
            throw new IOException("JMH exited with " + process.exitValue() + " running " + jar + "; see " + log);
        }
        if (!Files.isRegularFile(json)) {
            throw new IOException("JMH wrote no results running " + jar + " (did --include match nothing?); see "
                    + log);
        }
        try {
            return new JmhJsonReader().read(json).results();
        } catch (BadInputException e) {
            throw new IOException("reading the results of " + jar + ": " + e.getMessage(), e);
        }
    }
}
