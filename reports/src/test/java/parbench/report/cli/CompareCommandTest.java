package parbench.report.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.fixture.SyntheticComparison;
import parbench.report.fixture.SyntheticComparison.Spec;
import parbench.report.jmh.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Spec SPEC = new Spec(40, "avgt", "ms/op", 1.0, 0.02, 10, 1);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CompareCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path write(String name, Spec spec) throws IOException {
        Path file = dir.resolve(name);
        SyntheticComparison.write(file, spec);
        return file;
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(out.toString());
    }

    private static List<String> verdicts(JsonNode json) {
        List<String> verdicts = new ArrayList<>();
        json.path("results").forEach(r -> verdicts.add(r.path("verdict").asText()));
        return verdicts;
    }

    @Test
    void aResultSetAgainstItselfExitsZeroWithEveryRowUnchanged() throws IOException {
        Path run = SyntheticComparison.runDirectory(dir.resolve("run"), "Synthetic CPU", 2, "25.0.1", 1.0, 7);

        int code = run(run.toString(), run.toString(), "--format", "json");

        assertThat(code).isZero();
        JsonNode json = json();
        assertThat(json.path("mode").asText()).isEqualTo("same-hardware");
        assertThat(verdicts(json)).hasSize(12).containsOnly("unchanged");
    }

    @Test
    void theFirstLineOfTheTextOutputSaysTheModeAndWhy() throws IOException {
        Path b = write("baseline.json", SPEC);

        run(b.toString(), b.toString());

        assertThat(out.toString().lines().findFirst().orElseThrow())
                .isEqualTo("mode: same-hardware (auto: no manifest for " + b + " (plain JMH JSON), so the hardware"
                        + " cannot be checked; assuming the same machine)");
        assertThat(out.toString()).contains("warning: hardware not checked").contains("40 unchanged");
    }

    @Test
    void aRegressionExitsOneAndIsNamedInTheOutput() throws IOException {
        Path b = write("baseline.json", SPEC);
        Path c = write("candidate.json", SPEC.withSeed(2).withFactor(1.5));

        int code = run(b.toString(), c.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("40 regressed").contains("Bench.m0 avgt (ms/op, lower is better)")
                .contains("regressed");
    }

    @Test
    void withOneRunASideAChangeWithinTheRunToRunAllowanceIsUnchanged() throws IOException {
        Path b = write("baseline.json", SPEC);
        Path c = write("candidate.json", SPEC.withSeed(2).withFactor(1.2));

        assertThat(run(b.toString(), c.toString())).isZero();
        assertThat(out.toString().lines().skip(1).findFirst().orElseThrow()).startsWith("evidence: 40 rows"
                + " unreplicated (one run on a side)").contains("allowance of 25.0% (--run-noise)");
        assertThat(out.toString()).contains("40 unchanged");

        out.getBuffer().setLength(0);
        assertThat(run(b.toString(), c.toString(), "--run-noise", "10%")).isEqualTo(1);
        assertThat(out.toString()).contains("40 regressed");
    }

    @Test
    void aPerBenchmarkThresholdFromTheFileOverridesTheDefault() throws IOException {
        Path b = write("baseline.json", SPEC);
        Path c = write("candidate.json", SPEC.withSeed(2).withFactor(1.2));
        Path thresholds = dir.resolve("thresholds.txt");
        Files.writeString(thresholds, "# everything may move 30%\nsynthetic\\.Bench=30%\n");

        int code = run(b.toString(), c.toString(), "--thresholds", thresholds.toString(), "--format", "json");

        assertThat(code).isZero();
        assertThat(verdicts(json())).containsOnly("unchanged");
        assertThat(json().path("results").get(0).path("threshold").asDouble()).isEqualTo(0.30);
    }

    @Test
    void theSameDataInMillisecondsAndMicrosecondsIsUnchanged() throws IOException {
        Path ms = write("ms.json", SPEC);
        Path us = dir.resolve("us.json");
        ArrayNode results = SyntheticComparison.results(SPEC.withUnit("us/op"));
        ArrayNode inMs = SyntheticComparison.results(SPEC);
        for (int i = 0; i < results.size(); i++) {
            ArrayNode raw = (ArrayNode) results.get(i).path("primaryMetric").path("rawData").get(0);
            JsonNode source = inMs.get(i).path("primaryMetric").path("rawData").get(0);
            for (int s = 0; s < raw.size(); s++) {
                raw.set(s, source.get(s).asDouble() * 1000);
            }
        }
        SyntheticComparison.write(us, results);

        int code = run(ms.toString(), us.toString(), "--format", "json");

        assertThat(code).isZero();
        JsonNode json = json();
        assertThat(verdicts(json)).hasSize(40).containsOnly("unchanged");
        json.path("results").forEach(r -> {
            assertThat(r.path("unit").asText()).isEqualTo("ms/op");
            assertThat(r.path("change").path("ratio").asDouble()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-9));
        });
    }

    @Test
    void throughputInOpsPerMillisecondAndPerSecondIsTheSameScore() throws IOException {
        Path perMs = dir.resolve("per-ms.json");
        Path perS = dir.resolve("per-s.json");
        SyntheticComparison.write(perMs, JSON.createArrayNode().add(SyntheticComparison.result("a.B.c", "thrpt",
                Map.of(), "ops/ms", 1.0, 1.1, 0.9, 1.05, 0.95)));
        SyntheticComparison.write(perS, JSON.createArrayNode().add(SyntheticComparison.result("a.B.c", "thrpt",
                Map.of(), "ops/s", 1000, 1100, 900, 1050, 950)));

        int code = run(perMs.toString(), perS.toString(), "--format", "json");

        assertThat(code).isZero();
        JsonNode row = json().path("results").get(0);
        assertThat(row.path("unit").asText()).isEqualTo("ops/s");
        assertThat(row.path("better").asText()).isEqualTo("higher");
        assertThat(row.path("change").path("ratio").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aKeyRepeatedInOneFileIsPooledNotAnError() throws IOException {
        Path b = dir.resolve("repeated.json");
        SyntheticComparison.write(b, JSON.createArrayNode()
                .add(SyntheticComparison.result("a.B.c", "avgt", Map.of("p", "1"), "ms/op", 10, 11, 12))
                .add(SyntheticComparison.result("a.B.c", "avgt", Map.of("p", "1"), "ms/op", 13, 14, 15)));

        int code = run(b.toString(), b.toString(), "--format", "json");

        assertThat(code).isZero();
        JsonNode row = json().path("results");
        assertThat(row).hasSize(1);
        assertThat(row.get(0).path("baseline").path("iterations").asInt()).isEqualTo(6);
        assertThat(row.get(0).path("baseline").path("forks").asInt()).isEqualTo(2);
        assertThat(row.get(0).path("baseline").path("value").asDouble()).isEqualTo(12.5);
        assertThat(row.get(0).path("verdict").asText()).isEqualTo("unchanged");
    }

    @Test
    void repeatedBaselineAndCandidateOptionsPoolTheirRuns() throws IOException {
        Path b1 = write("b1.json", SPEC);
        Path b2 = write("b2.json", SPEC.withSeed(3));
        Path c1 = write("c1.json", SPEC.withSeed(4));

        int code = run("--baseline", b1.toString(), "--baseline", b2.toString(), "--candidate", c1.toString(),
                "--format", "json");

        assertThat(code).isZero();
        JsonNode first = json().path("results").get(0);
        assertThat(first.path("baseline").path("runs").asInt()).isEqualTo(2);
        assertThat(first.path("baseline").path("iterations").asInt()).isEqualTo(20);
        assertThat(first.path("candidate").path("iterations").asInt()).isEqualTo(10);
        assertThat(first.path("change").path("evidence").asText()).isEqualTo("unreplicated");
    }

    @Test
    void resultsOnOneSideOnlyAreAddedOrRemovedNotFailures() throws IOException {
        Path b = dir.resolve("b.json");
        Path c = dir.resolve("c.json");
        double[] v = {10, 10.1, 9.9, 10.2, 9.8, 10, 10.1, 9.9, 10.05, 9.95};
        SyntheticComparison.write(b, JSON.createArrayNode()
                .add(SyntheticComparison.result("a.B.kept", "avgt", Map.of(), "ms/op", v))
                .add(SyntheticComparison.result("a.B.gone", "avgt", Map.of(), "ms/op", v)));
        SyntheticComparison.write(c, JSON.createArrayNode()
                .add(SyntheticComparison.result("a.B.kept", "avgt", Map.of(), "ms/op", v))
                .add(SyntheticComparison.result("a.B.kept", "avgt", Map.of("p", "2"), "ms/op", v))
                .add(SyntheticComparison.result("a.B.new", "thrpt", Map.of(), "ops/s", v)));

        int code = run(b.toString(), c.toString(), "--format", "json");

        assertThat(code).isZero();
        assertThat(verdicts(json())).containsExactly("unchanged", "removed", "added", "added");
        assertThat(json().path("counts").path("added").asInt()).isEqualTo(2);
    }

    @Test
    void crossHardwareCandidateTwiceAsFastWithTheSameSpeedupsIsNoRegressionInAuto() throws IOException {
        Path b = SyntheticComparison.runDirectory(dir.resolve("laptop"), "Slow CPU 2000", 2, "25.0.1", 1.0, 1);
        Path c = SyntheticComparison.runDirectory(dir.resolve("server"), "Fast CPU 9000", 16, "25.0.1", 0.5, 2);

        int code = run(b.toString(), c.toString(), "--format", "json");

        assertThat(code).isZero();
        JsonNode json = json();
        assertThat(json.path("mode").asText()).isEqualTo("cross-hardware");
        assertThat(json.path("modeReason").asText()).contains("CPU model ('Slow CPU 2000' vs 'Fast CPU 9000')")
                .contains("logical cores ('2' vs '16')");
        assertThat(verdicts(json)).doesNotContain("regressed", "improved").contains("unchanged");
        json.path("results").forEach(r -> assertThat(r.path("figure").asText()).isEqualTo("speedup"));
    }

    @Test
    void theSameTwoRunsForcedToSameHardwareShowTheAbsoluteSpeedUp() throws IOException {
        Path b = SyntheticComparison.runDirectory(dir.resolve("laptop"), "Slow CPU 2000", 2, "25.0.1", 1.0, 1);
        Path c = SyntheticComparison.runDirectory(dir.resolve("server"), "Fast CPU 9000", 16, "25.0.1", 0.5, 2);

        int code = run(b.toString(), c.toString(), "--format", "json", "--mode", "same-hardware");

        assertThat(code).isZero();
        assertThat(json().path("modeReason").asText()).isEqualTo("requested with --mode same-hardware");
        assertThat(verdicts(json())).containsOnly("improved");
    }

    @Test
    void crossHardwareCatchesALostSpeedupEvenWhenAbsoluteTimesImproved() throws IOException {
        Path b = SyntheticComparison.runDirectory(dir.resolve("laptop"), "Slow CPU 2000", 2, "25.0.1", 1.0, 1);
        Path c = SyntheticComparison.runDirectory(dir.resolve("server"), "Fast CPU 9000", 16, "25.0.1", 0.5, 2);
        // on the candidate, fork-join at 2 cores, parallelism 2 became as slow as sequential (in the new machine's time)
        Path cores2 = c.resolve("cores-2.json");
        ArrayNode results = (ArrayNode) JSON.readTree(cores2.toFile());
        for (JsonNode r : results) {
            if (r.path("params").path("model").asText().equals("fork-join")
                    && r.path("params").path("parallelism").asText().equals("2")) {
                ArrayNode raw = (ArrayNode) r.path("primaryMetric").path("rawData").get(0);
                for (int i = 0; i < raw.size(); i++) {
                    raw.set(i, raw.get(i).asDouble() * 1.8);
                }
            }
        }
        SyntheticComparison.write(cores2, results);

        int code = run(b.toString(), c.toString(), "--format", "json");

        assertThat(code).isEqualTo(1);
        List<String> regressed = new ArrayList<>();
        json().path("results").forEach(r -> {
            if (r.path("verdict").asText().equals("regressed")) {
                regressed.add(r.path("params").path("model").asText() + "@" + r.path("cores").asInt());
            }
        });
        assertThat(regressed).containsExactly("fork-join@2");
    }

    @Test
    void realJmhFilesWithThreeIterationsOfOneForkAreJudgedWithTheOneForkCaveat() throws IOException {
        Path avgt = Fixtures.jmh("real-jmh-1.37-avgt.json");
        Path sample = Fixtures.jmh("real-jmh-1.37-sample.json");

        assertThat(run(avgt.toString(), avgt.toString(), "--format", "json")).isZero();
        assertThat(verdicts(json())).containsOnly("unchanged");
        assertThat(json().path("warnings").toString()).contains("their intervals ignore JVM-to-JVM variation");

        out.getBuffer().setLength(0);
        assertThat(run(sample.toString(), sample.toString(), "--format", "json")).isZero();
        JsonNode first = json().path("results").get(0);
        assertThat(first.path("baseline").path("iterations").asInt()).isEqualTo(3);
        assertThat(first.path("baseline").path("oneFork").asBoolean()).isTrue();
        assertThat(verdicts(json())).containsOnly("unchanged");
    }

    @Test
    void crossHardwareComparesSpeedupsAndEfficiencyOfEveryWorkload() throws IOException {
        Path run = dir.resolve("run");
        parbench.report.fixture.SyntheticRun.write(run, parbench.report.fixture.SyntheticRun.Size.SMALL);

        int code = run(run.toString(), run.toString(), "--mode", "cross-hardware", "--format", "json");

        assertThat(code).isZero();
        List<String> figures = new ArrayList<>();
        json().path("results").forEach(r -> figures.add(r.path("figure").asText()));
        assertThat(figures).contains("speedup", "efficiency").doesNotContain("score");
        assertThat(verdicts(json())).containsOnly("unchanged");
    }

    @Test
    void markdownStartsWithTheModeAndEscapesNames() throws IOException {
        Path hostile = Fixtures.jmh("handwritten-hostile-names.json");

        int code = run(hostile.toString(), hostile.toString(), "--format", "markdown");

        assertThat(code).isZero();
        assertThat(out.toString().lines().findFirst().orElseThrow()).startsWith("**mode: same-hardware** (auto: ");
        assertThat(out.toString()).doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void htmlIsSelfContainedAndEscapesEveryInputString() throws IOException {
        Path hostile = Fixtures.jmh("handwritten-hostile-names.json");
        Path html = dir.resolve("compare.html");

        int code = run(hostile.toString(), hostile.toString(), "--format", "html", "-o", html.toString());

        assertThat(code).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("mode: same-hardware")
                .doesNotContain("<script").doesNotContain("<img").doesNotContainPattern("(?i)(src|href)=\"https?:")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(err.toString()).startsWith("parbench compare: mode: same-hardware");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "missing file   | <none>                | --                  | no such file or directory",
            "not JSON       | hello                 | --                  | not JSON",
            "truncated JSON | [{\"benchmark\": \"a\", | --                  | truncated JSON",
            "wrong shape    | {\"a\": 1}              | --                  | expected a JSON array of results, found an object",
            "empty array    | []                    | --                  | no results: the JSON array is empty",
            "bad threshold  | <valid>               | --threshold=five    | '--threshold': 'five' is not a percentage",
            "unknown mode   | <valid>               | --mode=elsewhere    | unknown mode 'elsewhere'",
            "bad alpha      | <valid>               | --alpha=2           | --alpha must be between 0 and 1",
            "bad format     | <valid>               | --format=pdf        | unknown format 'pdf'"})
    void badInputExitsTwoWithOneLineAndNoOutputFile(String name, String content, String option, String reason)
            throws IOException {
        Path good = write("good.json", SPEC);
        Path input = dir.resolve("input.json");
        if (content.equals("<valid>")) {
            SyntheticComparison.write(input, SPEC);
        } else if (!content.equals("<none>")) {
            Files.writeString(input, content);
        }
        Path report = dir.resolve("out");
        Files.createDirectories(report);
        List<String> args = new ArrayList<>(List.of(good.toString(), input.toString(), "-o",
                report.resolve("compare.txt").toString()));
        if (!option.equals("--")) {
            args.add(option);
        }

        int code = run(args.toArray(String[]::new));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench compare: ").contains(reason)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err.toString().lines()).hasSize(1);
        if (!content.startsWith("<")) {
            assertThat(err.toString()).contains(input.toString());
        }
        assertThat(out.toString()).isEmpty();
        try (Stream<Path> files = Files.list(report)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void onlyOneRunIsAUsageErrorExitingTwo() throws IOException {
        Path b = write("baseline.json", SPEC);

        assertThat(run(b.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench compare: give BASELINE and CANDIDATE");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void aBadThresholdsFileExitsTwoNamingTheFileAndLine() throws IOException {
        Path b = write("baseline.json", SPEC);
        Path thresholds = dir.resolve("thresholds.txt");
        Files.writeString(thresholds, "ok=5\nbroken\n");

        assertThat(run(b.toString(), b.toString(), "--thresholds", thresholds.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("parbench compare: " + thresholds
                + ": line 2: expected regex=percent, found 'broken'" + System.lineSeparator());
    }
}
