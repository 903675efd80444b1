package parbench.report.analysis;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.SyntheticRun;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.Fixtures;
import parbench.report.run.RunInput;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Derived figures on a SYNTHETIC suite-shaped run (see {@link SyntheticRun}) and on foreign JMH JSON. */
class SpeedupTableTest {

    @TempDir
    static Path dir;
    static SpeedupTable table;

    @BeforeAll
    static void loadASyntheticRun() throws IOException, BadInputException {
        SyntheticRun.write(dir, SyntheticRun.Size.SMALL);
        table = SpeedupTable.of(List.of(RunInput.load(dir)));
    }

    private static Row row(String workload, String model, String parallelism, String tasks, int cores) {
        return table.rows().stream().filter(r -> r.workload().equals(workload) && model.equals(r.model())
                        && r.result().params().get("parallelism").equals(parallelism)
                        && r.result().params().get("tasks").equals(tasks) && r.cores() == cores
                        && !r.result().params().getOrDefault("work", "10000").equals("1000000"))
                .findFirst().orElseThrow();
    }

    @Test
    void speedupDividesBySequentialAtTheSameResolvedParallelism() {
        // GIVEN the grid ran sequential at p = 1, 2, 4 and -1; at 4 cores, -1 means 4
        Row sequentialAtFour = row("SleepBenchmark.batch", "sequential", "4", "100", 4);
        Row pool = row("SleepBenchmark.batch", "fixed-pool", "-1", "100", 4);

        // THEN the pool at p = -1 divides by sequential at p = 4, not at p = 1
        assertThat(pool.speedup()).isCloseTo(sequentialAtFour.metric().score() / pool.metric().score(), within(1e-9));
        assertThat(pool.baselineNote()).isNull();
    }

    @Test
    void sequentialAtAllCoresDividesBySequentialAtTheSameResolvedParallelism() {
        Row sequentialAtFour = row("SleepBenchmark.batch", "sequential", "4", "100", 4);
        Row sequentialAtAll = row("SleepBenchmark.batch", "sequential", "-1", "100", 4);

        assertThat(sequentialAtAll.speedup()).isCloseTo(sequentialAtFour.metric().score()
                / sequentialAtAll.metric().score(), within(1e-9));
        assertThat(sequentialAtFour.speedup()).isEqualTo(1.0);
        assertThat(sequentialAtFour.speedupInterval()).isEqualTo(new Interval(1, 1));
    }

    @Test
    void noSpeedupWhereNoSequentialRowMatchesAndTheNoteSaysWhy(@TempDir Path run) throws Exception {
        // GIVEN sequential at p = 1 and 2 only, and a pool at p = -1 on 4 cores
        var params = parbench.report.fixture.HandRun.params("taskMillis", 10, "tasks", 8);
        new parbench.report.fixture.HandRun()
                .add(4, "SleepBenchmark", "sequential", 1, params, 80)
                .add(4, "SleepBenchmark", "sequential", 2, params, 80)
                .add(4, "SleepBenchmark", "fixed-pool", -1, params, 20)
                .write(run);

        Row pool = SpeedupTable.of(List.of(RunInput.load(run))).rows().stream()
                .filter(r -> r.model().equals("fixed-pool")).findFirst().orElseThrow();

        assertThat(pool.speedup()).isNull();
        assertThat(pool.baselineNote()).isEqualTo("no sequential row at parallelism=4 (resolved); it ran at 1, 2");
        assertThat(pool.speedupText()).isEqualTo("no speedup (no sequential row at parallelism=4 (resolved); it ran at 1, 2)");
    }

    @Test
    void aSequentialRunOnceIsEveryParallelismsBaselineAndTheNoteSaysSo(@TempDir Path run) throws Exception {
        var params = parbench.report.fixture.HandRun.params("taskMillis", 10, "tasks", 8);
        new parbench.report.fixture.HandRun()
                .add(2, "SleepBenchmark", "py-sequential", 1, params, 80)
                .add(2, "SleepBenchmark", "py-thread-pool", 2, params, 40)
                .write(run);

        Row pool = SpeedupTable.of(List.of(RunInput.load(run))).rows().stream()
                .filter(r -> r.model().equals("py-thread-pool")).findFirst().orElseThrow();

        assertThat(pool.speedup()).isCloseTo(2.0, within(1e-9));
        assertThat(pool.baselineNote()).isEqualTo(
                "divided by py-sequential at parallelism=1, the only one the grid ran (sequential ignores p)");
    }

    @Test
    void sleepIdealIsWavesTimesTaskMillis() {
        Row pool = row("SleepBenchmark.batch", "fixed-pool", "4", "10", 2);

        assertThat(pool.idealMillis()).isEqualTo(30.0); // ceil(10 / 4) waves x 10 ms
        assertThat(pool.efficiency()).isCloseTo(30.0 / pool.metric().score(), within(1e-9));
    }

    @Test
    void allCoresParallelismResolvesToTheCoreCount() {
        assertThat(row("CpuBenchmark.batch", "fork-join", "-1", "10", 4).parallelism()).isEqualTo(4);
    }

    @Test
    void cpuIdealIsSequentialTimeOverTheCoresOfTheMachine() {
        // a pool of 1 on 2 cores is measured against both cores, not against its own size
        Row sequential = row("CpuBenchmark.batch", "sequential", "1", "100", 2);
        Row pool = row("CpuBenchmark.batch", "fixed-pool", "1", "100", 2);

        assertThat(pool.idealMillis()).isCloseTo(sequential.metric().score() / 2, within(1e-9));
        assertThat(pool.efficiency()).isLessThan(0.6);
    }

    @Test
    void sleepIdealOfACommonPoolIsTheWavesThatPAllows() {
        // 2 cores: the common pool has one worker, but p = 4 allows 4 in flight: ceil(10 / 4) x 10 ms
        assertThat(row("SleepBenchmark.batch", "common-pool", "4", "10", 2).idealMillis()).isEqualTo(30.0);
        assertThat(row("SleepBenchmark.batch", "common-pool", "4", "10", 2).efficiency()).isLessThan(0.35);
        // unbounded models run every task at once: one wave
        assertThat(row("SleepBenchmark.batch", "virtual-threads", "4", "10", 2).idealMillis()).isEqualTo(10.0);
    }

    @Test
    void efficiencyCarriesAnIntervalAroundIt() {
        Row pool = row("SleepBenchmark.batch", "fixed-pool", "4", "10", 2);

        assertThat(pool.efficiencyInterval()).isNotNull();
        assertThat(pool.efficiencyInterval().contains(pool.efficiency())).isTrue();
    }

    @Test
    void anUnobservedPeakIsNoEvidenceOfSequentialRunning() {
        // process models report peakInFlight 0: their tasks run in worker JVMs the gauge cannot see
        assertThat(Warnings.of(table)).noneMatch(w -> w.contains("process-workers never had"));
        assertThat(Warnings.of(table)).noneMatch(w -> w.contains("process-spawn never had"));
    }

    @Test
    void ioPointsAskingMoreThanAQuarterOfTheStubsCapacityAreWarned() {
        Row sequential = row("WikiBenchmark.batch", "sequential", "1", "100", 1);
        Row unbounded = row("WikiBenchmark.batch", "virtual-threads", "1", "100", 1);
        assertThat(sequential.requestsPerSecond()).isCloseTo(100 * 1000 / sequential.metric().score(), within(1e-9));
        assertThat(sequential.requestsPerSecond()).isLessThan(0.25 * SyntheticRun.STUB_CAPACITY);
        assertThat(unbounded.requestsPerSecond()).isGreaterThan(0.25 * SyntheticRun.STUB_CAPACITY);

        assertThat(Warnings.of(table)).filteredOn(w -> w.startsWith("Asked more than 25 % of the stub's"))
                .singleElement().satisfies(w -> {
                    assertThat(w).contains("[model=virtual-threads,parallelism=1,latencyMillis=50,tasks=100] @1 core (");
                    assertThat(w).doesNotContain("model=sequential");
                });
    }

    @Test
    void foreignJmhJsonHasNoDerivedFiguresAndNoFindings() throws BadInputException {
        SpeedupTable foreign = SpeedupTable.of(List.of(RunInput.load(Fixtures.jmh("handwritten-jmh-1.17-old-format.json"))));

        assertThat(foreign.rows()).singleElement().satisfies(r -> {
            assertThat(r.speedup()).isNull();
            assertThat(r.efficiency()).isNull();
        });
        assertThat(Findings.of(foreign)).isEmpty();
    }

    @Test
    void findingsAnswerTheArticlesQuestionsWithTheirNumbers() {
        assertThat(Findings.of(table)).extracting(Finding::question).containsExactly(
                "Are threads enough for I/O?",
                "Do processes pay off for CPU work, and above which task size?",
                "What does process start-up cost?",
                "How far is each model from the physical ideal?");
        assertThat(Findings.of(table).get(2).answer())
                .matches("Per batch, process-spawn takes \\d+\\.\\d ms more than process-workers.*")
                .contains("The dispatch benchmark's per-task figures are not in this median.");
    }

    @Test
    void coresNotEnforcedByAffinityAreWarned() {
        assertThat(Warnings.of(table)).anyMatch(w -> w.contains("4 cores were not enforced by the OS"));
    }

    @Test
    void nanErrorsAreWarned() throws BadInputException {
        var nan = SpeedupTable.of(List.of(RunInput.load(Fixtures.jmh("handwritten-nan-and-infinity-strings.json"))));

        assertThat(Warnings.of(nan)).anyMatch(w -> w.startsWith("Error is NaN") && w.contains("Edge.nan"));
    }
}
