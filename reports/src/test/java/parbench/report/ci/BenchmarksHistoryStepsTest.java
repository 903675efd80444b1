package parbench.report.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.history.DatabaseLocation;
import parbench.report.history.HistoryDatabase;
import parbench.report.history.HistoryStore;
import parbench.report.history.SyntheticHistory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow's history steps, run for real: the {@code run:} scripts of the {@code history} job, in order, in a clone
 * of a temporary bare repository standing in for GitHub, over three simulated pushes to main; then the
 * {@code history-check} job's scripts on a pull request's run. GitHub cannot be reached from here, so the test plays
 * the {@code uses:} steps (checkout: a clone; download-artifact: run directories in {@code artifacts/} or
 * {@code candidate/}) and the build step (a {@code scripts/parbench} that runs this build's classes).
 */
class BenchmarksHistoryStepsTest {

    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "benchmarks.yml");
    private static final String BUILD_STEP = "Build the reports jar";
    private static JsonNode jobs;

    @TempDir
    Path temp;

    @BeforeAll
    static void parse() throws IOException {
        jobs = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs");
    }

    /** The scripts of {@code job}'s run steps, in order, without the build step the test plays itself. */
    private static List<String> scripts(String job) {
        List<String> scripts = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode step : jobs.path(job).path("steps")) {
            if (!step.has("run")) {
                continue;
            }
            if (step.path("name").asText().equals(BUILD_STEP)) {
                skipped.add(step.path("name").asText());
            } else {
                assertThat(step.path("run").asText()).as("step '%s' must not need ${{ }}", step.path("name").asText())
                        .doesNotContain("${{");
                scripts.add(step.path("run").asText());
            }
        }
        assertThat(skipped).containsExactly(BUILD_STEP);
        return scripts;
    }

    private static int bash(Path dir, Map<String, String> env, String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", "-c",
                script).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("step.log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("step did not finish in 180 s:\n" + script);
        }
        return process.exitValue();
    }

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=test", "-c", "user.email=test@localhost"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git %s: %s", String.join(" ", args), output).isZero();
    }

    private static String gitOutput(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** A checkout of main from the bare origin, with a scripts/parbench that runs this build's history command. */
    private Path checkout(Path origin, String name) throws IOException, InterruptedException {
        Path workspace = temp.resolve(name);
        git(temp, "clone", "--quiet", origin.toString(), workspace.toString());
        Path launcher = workspace.resolve("scripts/parbench");
        Files.createDirectories(launcher.getParent());
        String java = ProcessHandle.current().info().command().orElseThrow();
        Files.writeString(launcher, """
                #!/usr/bin/env bash
                set -euo pipefail
                [[ "$1" == history ]] || { echo "the test's launcher runs only 'history'" >&2; exit 2; }
                shift
                exec '%s' --enable-native-access=ALL-UNNAMED -cp '%s' parbench.report.cli.HistoryCommand "$@"
                """.formatted(java, System.getProperty("java.class.path")));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return workspace;
    }

    private static final SyntheticHistory JDK21 = new SyntheticHistory("Intel(R) Xeon(R) Processor", 2, "21.0.5", 0.01);
    private static final SyntheticHistory JDK25 = SyntheticHistory.xeon();

    @Test
    void threePushesKeepOneGrowingDatabaseAndThePullRequestCheckGatesOnIt() throws Exception {
        Path origin = temp.resolve("origin.git");
        git(temp, "init", "--quiet", "--bare", "-b", "main", origin.toString());
        Path seed = checkout(origin, "seed");
        Files.writeString(seed.resolve("README.md"), "parbench\n");
        git(seed, "add", "README.md");
        git(seed, "commit", "--quiet", "-m", "first");
        git(seed, "push", "--quiet", "origin", "HEAD:main");

        for (int push = 1; push <= 3; push++) {
            Path workspace = checkout(origin, "push-" + push);
            Map<String, Double> values = Map.of("sequential", 100.0, "fork-join", 50.0);
            JDK21.write(workspace.resolve("artifacts/parbench-run-jdk21"), push, values, push);
            JDK25.write(workspace.resolve("artifacts/parbench-run-jdk25"), push, values, 100 + push);
            Map<String, String> env = new HashMap<>();
            env.put("GITHUB_SHA", "c" + push);
            env.put("GITHUB_STEP_SUMMARY", workspace.resolve("summary.md").toString());
            for (String script : scripts("history")) {
                assertThat(bash(workspace, env, script)).as("push %d, step:%n%s%n%s", push, script,
                        Files.readString(workspace.resolve("step.log"))).isZero();
            }
            assertThat(workspace.resolve("history.html")).exists();
            assertThat(Files.readString(workspace.resolve("history.html")))
                    .contains((2 * push) + " runs on 2 testbeds");
        }

        assertThat(gitOutput(origin, "rev-list", "--count", "parbench-history")).isEqualTo("1");
        Path kept = temp.resolve("kept.sqlite");
        Files.write(kept, gitBytes(origin, "show", "parbench-history:history.sqlite"));
        var store = new HistoryStore(HistoryDatabase.open(DatabaseLocation.parse(kept.toString())));
        assertThat(store.runCount()).isEqualTo(6);
        assertThat(store.runs(null, "main", 10)).extracting(r -> r.commit()).containsOnly("c1", "c2", "c3");

        Path slower = checkout(origin, "pr-slower");
        JDK21.write(slower.resolve("candidate"), 9, Map.of("sequential", 100.0, "fork-join", 70.0), 9);
        Path same = checkout(origin, "pr-same");
        JDK21.write(same.resolve("candidate"), 8, Map.of("sequential", 100.0, "fork-join", 50.0), 8);

        assertThat(runJob("history-check", slower)).isEqualTo(1);
        assertThat(Files.readString(slower.resolve("summary.md"))).contains("regressed");
        assertThat(runJob("history-check", same)).isZero();
        assertThat(Files.readString(same.resolve("summary.md"))).doesNotContain("regressed");
    }

    /** Runs the job's scripts in order; returns the exit code of the first that fails, or 0. */
    private int runJob(String job, Path workspace) throws IOException, InterruptedException {
        Map<String, String> env = Map.of("GITHUB_SHA", "pr", "GITHUB_STEP_SUMMARY",
                workspace.resolve("summary.md").toString());
        Files.writeString(workspace.resolve("summary.md"), "");
        for (String script : scripts(job)) {
            int code = bash(workspace, env, script);
            if (code != 0) {
                return code;
            }
        }
        return 0;
    }

    private static byte[] gitBytes(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        byte[] bytes = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return bytes;
    }
}
