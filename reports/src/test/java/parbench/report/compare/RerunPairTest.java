package parbench.report.compare;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.jmh.BadInputException;
import parbench.report.run.RunInput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * REAL data: two unchanged reruns of one commit on the loaded development machine
 * ({@code src/test/resources/compare/rerun-pair/README.md}). Compared as two separate runs, in either direction and
 * in either mode, at the defaults, nothing may fail; and the default run-to-run allowance is what this pair shows.
 */
class RerunPairTest {

    private static final Path PAIR = Path.of("src", "test", "resources", "compare", "rerun-pair");

    private static RunComparison compare(String baseline, String candidate, HardwareMode mode)
            throws BadInputException {
        return RunComparison.of(List.of(RunInput.load(PAIR.resolve(baseline))),
                List.of(RunInput.load(PAIR.resolve(candidate))), mode, 0.01, Thresholds.uniform(0.05));
    }

    @ParameterizedTest(name = "{0} vs {1}, {2}")
    @CsvSource({
            "run-1, run-2, SAME_HARDWARE", "run-2, run-1, SAME_HARDWARE",
            "run-1, run-2, CROSS_HARDWARE", "run-2, run-1, CROSS_HARDWARE",
            "run-1, run-2, AUTO", "run-2, run-1, AUTO"})
    void anUnchangedRerunIsNoRegressionInEitherDirectionOrMode(String baseline, String candidate, HardwareMode mode)
            throws BadInputException {
        RunComparison comparison = compare(baseline, candidate, mode);

        assertThat(comparison.rows()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(comparison.hasRegression()).isFalse();
        assertThat(comparison.counts().get(Verdict.IMPROVED)).isZero();
        assertThat(comparison.rows()).allSatisfy(r ->
                assertThat(r.change().orElseThrow().evidence()).isEqualTo(Evidence.UNREPLICATED));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"SAME_HARDWARE", "CROSS_HARDWARE"})
    void theDefaultAllowanceIsTheMedianRunToRunChangeOfThisPairRoundedUp(HardwareMode mode)
            throws BadInputException {
        List<Double> changes = new ArrayList<>();
        for (ComparisonRow row : compare("run-1", "run-2", mode).rows()) {
            changes.add(Math.exp(Math.abs(Math.log(row.change().orElseThrow().ratio()))) - 1);
        }
        changes.sort(Double::compare);
        double median = changes.get(changes.size() / 2);

        assertThat(median).isBetween(0.15, RunComparison.DEFAULT_RUN_NOISE);
    }

    /**
     * REAL data, quiet machine: two unchanged runs of the whole {@code quick} plan
     * ({@code src/test/resources/compare/rerun-pair-quiet/README.md}). No regression and no improvement either way, in
     * every mode, at the defaults and even without the run-to-run allowance.
     */
    @ParameterizedTest(name = "{0} vs {1}, {2}, run noise {3}")
    @CsvSource({
            "run-1, run-2, SAME_HARDWARE, 0.25", "run-2, run-1, SAME_HARDWARE, 0.25",
            "run-1, run-2, CROSS_HARDWARE, 0.25", "run-2, run-1, CROSS_HARDWARE, 0.25",
            "run-1, run-2, AUTO, 0.25", "run-2, run-1, AUTO, 0.25",
            "run-1, run-2, SAME_HARDWARE, 0", "run-2, run-1, SAME_HARDWARE, 0",
            "run-1, run-2, CROSS_HARDWARE, 0", "run-2, run-1, CROSS_HARDWARE, 0"})
    void aQuietUnchangedRerunOfTheWholeQuickPlanIsNoChange(String baseline, String candidate, HardwareMode mode,
            double runNoise) throws BadInputException {
        Path quiet = Path.of("src", "test", "resources", "compare", "rerun-pair-quiet");
        RunComparison comparison = RunComparison.of(List.of(RunInput.load(quiet.resolve(baseline))),
                List.of(RunInput.load(quiet.resolve(candidate))), mode, 0.01, Thresholds.uniform(0.05), runNoise,
                parbench.report.stats.Bootstrap.standard());

        assertThat(comparison.rows()).hasSizeGreaterThanOrEqualTo(86);
        assertThat(comparison.hasRegression()).isFalse();
        assertThat(comparison.counts().get(Verdict.IMPROVED)).isZero();
    }

    /** Scores drift between runs; speedups' intervals are wide enough on this pair (2 forks a side) not to need it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"SAME_HARDWARE"})
    void withoutTheAllowanceThisPairWouldFailBecauseRunsDrift(HardwareMode mode) throws BadInputException {
        RunComparison strict = RunComparison.of(List.of(RunInput.load(PAIR.resolve("run-1"))),
                List.of(RunInput.load(PAIR.resolve("run-2"))), mode, 0.01, Thresholds.uniform(0.05), 0,
                parbench.report.stats.Bootstrap.standard());

        assertThat(strict.counts().get(Verdict.REGRESSED) + strict.counts().get(Verdict.IMPROVED)).isPositive();
    }
}
