package parbench.report.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.HandRun;
import parbench.report.jmh.BadInputException;
import parbench.report.run.RunInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static parbench.report.analysis.DecisionTable.Comparison.AT_BEST;
import static parbench.report.analysis.DecisionTable.Comparison.EQUAL_CONCURRENCY;
import static parbench.report.fixture.HandRun.params;

/** The decision table on hand-made runs whose answers are known by construction ({@link HandRun}). */
class DecisionTableTest {

    @TempDir
    Path dir;

    private static final Map<String, Object> SLEEP = params("taskMillis", 10, "tasks", 8);
    private static final Map<String, Object> CPU = params("tasks", 32, "work", 1_000_000);

    /**
     * Sleep work, 8 tasks of 10 ms, at 2 cores and p = 2: sequential 80 ms; the pools 40 ms (one of them 40.2,
     * inside the other's interval); common-pool runs one worker at 2 cores (80 ms); virtual threads all 8 at once.
     */
    private static HandRun sleepAtTwoCores(HandRun run) {
        return run.add(2, "SleepBenchmark", "sequential", 2, SLEEP, 80)
                .add(2, "SleepBenchmark", "fixed-pool", 2, SLEEP, 40)
                .add(2, "SleepBenchmark", "fork-join", 2, SLEEP, 40.2)
                .add(2, "SleepBenchmark", "common-pool", 2, SLEEP, 80.5)
                .add(2, "SleepBenchmark", "virtual-threads", 2, SLEEP, 10.4);
    }

    private DecisionTable.Line only(DecisionTable table) {
        assertThat(table.lines()).hasSize(1);
        return table.lines().getFirst();
    }

    private DecisionTable decide(HandRun run) throws IOException, BadInputException {
        return DecisionTable.of(SpeedupTable.of(List.of(RunInput.load(run.write(dir)))));
    }

    @Test
    void aClearWinnerIsNamedAlone() throws Exception {
        DecisionTable.Cell best = only(decide(sleepAtTwoCores(new HandRun()))).cell(AT_BEST, 2);

        assertThat(best.verdict()).isTrue();
        assertThat(best.recommended()).extracting(Row::model).containsExactly("virtual-threads");
        assertThat(best.models()).isEqualTo("virtual-threads (ignores p)");
        assertThat(best.speedup()).startsWith("7.69× [");
    }

    @Test
    void modelsWhoseIntervalsOverlapTheBestAreKeptAsTies() throws Exception {
        DecisionTable.Cell equal = only(decide(sleepAtTwoCores(new HandRun()))).cell(EQUAL_CONCURRENCY, 2);

        assertThat(equal.verdict()).isTrue();
        assertThat(equal.recommended()).extracting(Row::model).containsExactly("fixed-pool", "fork-join");
        assertThat(equal.models()).isEqualTo("fixed-pool p=2, fork-join p=2 (indistinguishable)");
        assertThat(equal.why()).startsWith("2 in flight: sleeping tasks");
    }

    @Test
    void equalConcurrencyLeavesOutModelsThatRanAnotherNumberInFlight() throws Exception {
        DecisionTable.Cell equal = only(decide(sleepAtTwoCores(new HandRun()))).cell(EQUAL_CONCURRENCY, 2);

        assertThat(equal.note()).isEqualTo(
                "Not at 2 in flight, left out: common-pool (ignores p) 1, virtual-threads (ignores p) 8.");
    }

    @Test
    void aSmokeRunGivesNoVerdictButShowsItsNumbers() throws Exception {
        DecisionTable.Cell best = only(decide(sleepAtTwoCores(new HandRun().samples(1, 1)))).cell(AT_BEST, 2);

        assertThat(best.verdict()).isFalse();
        assertThat(best.models()).startsWith("not enough data for a finding (");
        assertThat(best.speedup()).startsWith("best measured: virtual-threads (ignores p) 7.69×");
    }

    @Test
    void oneForkIsNotEnoughEither() throws Exception {
        DecisionTable.Cell best = only(decide(sleepAtTwoCores(new HandRun().samples(1, 5)))).cell(AT_BEST, 2);

        assertThat(best.verdict()).isFalse();
        assertThat(best.models()).isEqualTo(
                "not enough data for a finding (1 fork of 5 iterations; a verdict needs 2 forks of 3)");
    }

    @Test
    void commonPoolOnTwoCoresRanksAsTheSequentialModelItWas() throws Exception {
        // GIVEN CPU work at 2 cores: the pools halve the time; common-pool, one worker, runs as long as sequential
        HandRun run = new HandRun()
                .add(2, "CpuBenchmark", "sequential", 2, CPU, 100)
                .add(2, "CpuBenchmark", "fixed-pool", 2, CPU, 51)
                .add(2, "CpuBenchmark", "fork-join", 2, CPU, 51.2)
                .add(2, "CpuBenchmark", "common-pool", 2, CPU, 101);
        SpeedupTable table = SpeedupTable.of(List.of(RunInput.load(run.write(dir))));

        // WHEN its efficiency and the decision are computed
        Row commonPool = table.rows().stream().filter(r -> r.model().equals("common-pool")).findFirst().orElseThrow();
        Row sequential = table.rows().stream().filter(r -> r.model().equals("sequential")).findFirst().orElseThrow();
        DecisionTable.Cell best = only(DecisionTable.of(table)).cell(AT_BEST, 2);

        // THEN it is measured against the machine's 2 cores (about 50 %, as sequential), not against its 1 worker
        assertThat(commonPool.efficiency()).isBetween(0.45, 0.55);
        assertThat(sequential.efficiency()).isBetween(0.45, 0.55);
        assertThat(best.recommended()).extracting(Row::model).containsExactly("fixed-pool", "fork-join");
        assertThat(Findings.of(table)).filteredOn(f -> f.question().contains("ideal")).singleElement()
                .satisfies(f -> assertThat(f.answer()).contains("fixed-pool 98 %").contains("common-pool (ignores p) 50 %"));
    }

    @Test
    void anEfficiencyAboveTheIdealBeyondItsIntervalIsFlaggedNotRanked() throws Exception {
        // GIVEN sleep work at 2 cores and p = 2, where one pool finished faster than two waves allow
        HandRun run = new HandRun()
                .add(2, "SleepBenchmark", "sequential", 2, SLEEP, 80)
                .add(2, "SleepBenchmark", "fixed-pool", 2, SLEEP, 40.5)
                .add(2, "SleepBenchmark", "fork-join", 2, SLEEP, 30);

        DecisionTable.Cell equal = only(decide(run)).cell(EQUAL_CONCURRENCY, 2);

        assertThat(equal.recommended()).extracting(Row::model).containsExactly("fixed-pool");
        assertThat(equal.note()).startsWith("Above the physical ideal beyond the interval, a measurement problem, "
                + "not ranked: fork-join 133 %");
    }

    @Test
    void pythonRowsAreLinesOfTheirOwn() throws Exception {
        HandRun run = sleepAtTwoCores(new HandRun())
                .add(2, "SleepBenchmark", "py-sequential", 1, SLEEP, 81)
                .add(2, "SleepBenchmark", "py-thread-pool", 2, SLEEP, 41);

        DecisionTable table = decide(run);

        assertThat(table.lines()).extracting(DecisionTable.Line::label).containsExactly(
                "SleepBenchmark.batch · taskMillis=10, tasks=8",
                "SleepBenchmark.batch · taskMillis=10, tasks=8 · Python");
        assertThat(table.lines().get(1).cell(AT_BEST, 2).recommended()).extracting(Row::model)
                .containsExactly("py-thread-pool");
    }
}
