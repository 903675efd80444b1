package parbench.report.ab;

import org.junit.jupiter.api.Test;
import parbench.report.compare.ComparisonKey;
import parbench.report.compare.Evidence;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.compare.Verdict;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.Metric;
import parbench.report.stats.Bootstrap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AbAnalysisTest {

    private static final AbAnalysis ANALYSIS = new AbAnalysis(0.01, Thresholds.uniform(0.05), Bootstrap.standard());

    /**
     * SYNTHETIC sessions: {@code points} points, {@code pairs} pairs; each pair shares a machine drift of ±20 %
     * (what a loaded machine does between forks), each fork has its own JVM offset ({@code forkNoise}) and its
     * iterations 1 % noise; the candidate is {@code factor} × the base.
     */
    private static AbRecord session(Random random, int points, int pairs, double factor, double forkNoise) {
        AbRecord record = new AbRecord(Set.of());
        for (int pair = 0; pair < pairs; pair++) {
            record.startPair(List.of(Side.BASE, Side.CANDIDATE));
            double drift = Math.exp(0.2 * random.nextGaussian());
            for (Side side : Side.values()) {
                List<BenchmarkResult> results = new java.util.ArrayList<>();
                for (int p = 0; p < points; p++) {
                    double fork = (side == Side.CANDIDATE ? factor : 1) * 100 * (1 + p) * drift
                            * (1 + forkNoise * random.nextGaussian());
                    List<Double> iterations = new java.util.ArrayList<>();
                    for (int i = 0; i < 5; i++) {
                        iterations.add(fork * (1 + 0.01 * random.nextGaussian()));
                    }
                    results.add(result("b.Sleep.batch", Map.of("point", String.valueOf(p)), iterations));
                }
                record.add(side, results);
            }
        }
        return record;
    }

    private static BenchmarkResult result(String name, Map<String, String> params, List<Double> iterations) {
        Metric metric = new Metric(0, Double.NaN, Double.NaN, Double.NaN, "ms/op", List.of(iterations), List.of());
        return new BenchmarkResult(name, "avgt", params, 1, 1, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 1, "1 s", iterations.size(), "1 s", metric,
                Map.of());
    }

    @Test
    void anAaSessionOnADriftingMachineFlagsAtMostOnePercentOfPoints() {
        Random random = new Random(1);
        int flagged = 0;
        int points = 0;
        for (int trial = 0; trial < 40; trial++) {
            RunComparison comparison = ANALYSIS.analyse(session(random, 10, 8, 1.0, 0.02), "a", "a");
            flagged += (int) comparison.rows().stream()
                    .filter(r -> r.verdict() == Verdict.REGRESSED || r.verdict() == Verdict.IMPROVED).count();
            points += comparison.rows().size();
        }

        assertThat(points).isEqualTo(400);
        assertThat(flagged).isLessThanOrEqualTo(4);
    }

    @Test
    void aTenPercentSlowdownOnADriftingMachineIsFlaggedAndCoveredByTheInterval() {
        Random random = new Random(2);
        int flagged = 0;
        int covered = 0;
        int points = 0;
        for (int trial = 0; trial < 20; trial++) {
            RunComparison comparison = ANALYSIS.analyse(session(random, 10, 8, 1.10, 0.01), "a", "b");
            for (var row : comparison.rows()) {
                points++;
                if (row.verdict() == Verdict.REGRESSED) {
                    flagged++;
                }
                if (row.change().orElseThrow().low() <= 1.10 && 1.10 <= row.change().orElseThrow().high()) {
                    covered++;
                }
                assertThat(row.change().orElseThrow().evidence()).isEqualTo(Evidence.INTERLEAVED);
            }
        }

        assertThat(flagged).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * points));
        assertThat(covered).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * points));
    }

    @Test
    void oneCompletePairIsInsufficientData() {
        RunComparison comparison = ANALYSIS.analyse(session(new Random(3), 2, 1, 2.0, 0.01), "a", "b");

        assertThat(comparison.rows()).allSatisfy(r -> {
            assertThat(r.verdict()).isEqualTo(Verdict.INSUFFICIENT_DATA);
            assertThat(r.note()).hasValue("1 complete pairs; at least 2 needed");
        });
        assertThat(AbAnalysis.widestInterval(comparison)).isInfinite();
    }

    @Test
    void paramsTheSidesSetDifferentlyAreLeftOutOfTheKeySoTheSidesPairUp() {
        AbRecord record = new AbRecord(Set.of("taskMillis"));
        record.add(Side.BASE, List.of(result("b.S.m", Map.of("taskMillis", "10", "tasks", "5"), List.of(1.0, 1.0))));
        record.add(Side.CANDIDATE, List.of(result("b.S.m", Map.of("taskMillis", "11", "tasks", "5"), List.of(1.1))));

        assertThat(record.keys()).extracting(ComparisonKey::params).containsExactly(Map.of("tasks", "5"));
        assertThat(record.forks(record.keys().get(0), Side.CANDIDATE)).hasSize(1);
    }

    @Test
    void aRecordSurvivesItsJsonAndSlicesIntoTrials() throws Exception {
        AbRecord record = session(new Random(4), 3, 6, 1.0, 0.01);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ab-forks", ".json");
        try {
            java.nio.file.Files.writeString(file, record.toJson());
            AbRecord read = AbRecord.read(file);

            assertThat(read.toJson()).isEqualTo(record.toJson());
            assertThat(read.slice(2, 4).pairs()).isEqualTo(2);
            assertThat(read.slice(2, 4).forks(read.keys().get(0), Side.BASE).get(0))
                    .containsExactly(record.forks(record.keys().get(0), Side.BASE).get(2));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
