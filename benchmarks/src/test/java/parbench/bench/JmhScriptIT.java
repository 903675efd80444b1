package parbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code scripts/parbench jmh} is plain JMH on benchmarks.jar under a JDK 21+, whatever
 * {@code JAVA_HOME} says: a real process, after {@code package} built the jar.
 */
class JmhScriptIT {

    private static final Path SCRIPT = Path.of("..", "scripts", "parbench").toAbsolutePath().normalize();

    private record Run(int exitCode, String out, String err) {}

    private static Run script(String javaHome, String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", javaHome);
        Path out = Files.createTempFile("jmh-script-", ".out");
        Path err = Files.createTempFile("jmh-script-", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("scripts/parbench " + String.join(" ", args) + " ran past 120 s");
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }

    @Test
    void jmhPassesItsArgumentsToJmh() throws Exception {
        Run run = script(System.getProperty("java.home"), "jmh", "-lp", "HarnessBaselineBenchmark|DispatchBenchmark");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("parbench.bench.HarnessBaselineBenchmark.batch")
                .contains("parbench.bench.DispatchBenchmark.batch")
                .contains("param \"chunk\" = {1, 16}");
    }

    @Test
    void jmhPicksAJdk21WhenJavaHomeIsOlder(@org.junit.jupiter.api.io.TempDir Path fakeHome) throws Exception {
        // GIVEN a JAVA_HOME whose release file says 17 (its java is this JVM's, so the test needs no JDK 17)
        Files.createDirectories(fakeHome.resolve("bin"));
        Files.createSymbolicLink(fakeHome.resolve("bin/java"), Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.writeString(fakeHome.resolve("release"), "JAVA_VERSION=\"17.0.9\"\n");

        Run run = script(fakeHome.toString(), "jmh", "-l", "HarnessBaselineBenchmark");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("JAVA_HOME=" + fakeHome + " is not a JDK 21+; looking for one");
        assertThat(run.out()).contains("parbench.bench.HarnessBaselineBenchmark.batch");
    }
}
