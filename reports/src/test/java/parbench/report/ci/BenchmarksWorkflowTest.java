package parbench.report.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CI workflow, parsed as YAML: what it promises in the README is what it says. */
class BenchmarksWorkflowTest {

    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "benchmarks.yml");
    private static JsonNode jobs;

    @BeforeAll
    static void parse() throws IOException {
        jobs = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs");
    }

    private static List<JsonNode> steps(String job) {
        List<JsonNode> steps = new ArrayList<>();
        jobs.path(job).path("steps").forEach(steps::add);
        return steps;
    }

    private static List<Integer> jdks(String job) {
        List<Integer> jdks = new ArrayList<>();
        jobs.path(job).path("strategy").path("matrix").path("jdk").forEach(v -> jdks.add(v.asInt()));
        return jdks;
    }

    @Test
    void theSmokeJobRunsVerifyOnJdk21And25WithTemurin() {
        assertThat(jdks("smoke")).containsExactly(21, 25);
        assertThat(steps("smoke")).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("actions/setup-java@");
            assertThat(s.path("with").path("distribution").asText()).isEqualTo("temurin");
            assertThat(s.path("with").path("java-version").asText()).isEqualTo("${{ matrix.jdk }}");
        });
        assertThat(steps("smoke")).anySatisfy(s ->
                assertThat(s.path("run").asText()).contains("mvn -B verify -Dparbench.profile=smoke"));
    }

    @Test
    void theSmokeJobUploadsTheResolvedRunDirectoryNotTheSymlink() {
        assertThat(steps("smoke")).anySatisfy(s -> assertThat(s.path("run").asText()).contains("readlink -f results/latest"));
        assertThat(steps("smoke")).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("actions/upload-artifact@");
            assertThat(s.path("with").path("name").asText()).isEqualTo("parbench-run-jdk${{ matrix.jdk }}");
            assertThat(s.path("with").path("path").asText()).isEqualTo("${{ steps.run.outputs.dir }}");
        });
    }

    @Test
    void thePullRequestJobGatesOnAbOfTheMergeBaseAndTheHeadOnOneRunner() {
        JsonNode compare = jobs.path("compare");
        assertThat(compare.path("needs").asText()).isEqualTo("smoke");
        assertThat(compare.path("if").asText()).isEqualTo("github.event_name == 'pull_request'");
        assertThat(jdks("compare")).containsExactly(21, 25);
        assertThat(steps("compare")).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("actions/checkout@");
            assertThat(s.path("with").path("fetch-depth").asInt()).isZero();
        });
        assertThat(steps("compare")).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("git merge-base \"origin/$BASE_REF\" HEAD")
                .contains("scripts/parbench ab --base-ref \"$base\" --candidate benchmarks/target/benchmarks.jar")
                .contains("--markdown ab.md")
                .contains(">> \"$GITHUB_STEP_SUMMARY\"")
                .contains("exit \"$code\""));
    }

    @Test
    void theCrossRunCompareWithMainIsHardwareIndependentAndDoesNotGate() {
        assertThat(steps("compare")).anySatisfy(s -> {
            assertThat(s.path("uses").asText()).startsWith("dawidd6/action-download-artifact@");
            assertThat(s.path("with").path("branch").asText()).isEqualTo("main");
            assertThat(s.path("with").path("workflow_conclusion").asText()).isEqualTo("success");
        });
        assertThat(steps("compare")).anySatisfy(s -> assertThat(s.path("run").asText())
                .contains("scripts/parbench compare baseline candidate --mode cross-hardware")
                .contains("--format markdown")
                .contains("if [ \"$code\" -ge 2 ]; then exit \"$code\"; fi"));
    }
}
