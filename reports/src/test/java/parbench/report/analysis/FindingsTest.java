package parbench.report.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.HandRun;
import parbench.report.run.RunInput;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static parbench.report.fixture.HandRun.params;

/** The article's questions on hand-made runs ({@link HandRun}) whose answers are known by construction. */
class FindingsTest {

    private static final Map<String, Object> IO = params("latencyMillis", 50, "tasks", 32);

    @TempDir
    Path dir;

    /** 32 checks of 50 ms at 2 cores: sequential 1600 ms; at p = 2 the pool 800 ms, the process workers 840 ms. */
    private HandRun io(HandRun run) {
        return run.add(2, "WikiBenchmark", "sequential", 2, IO, 1600)
                .add(2, "WikiBenchmark", "fixed-pool", 2, IO, 800)
                .add(2, "WikiBenchmark", "process-workers", 2, IO, 840)
                .add(2, "WikiBenchmark", "virtual-threads", 2, IO, 55);
    }

    private Finding ioFinding(HandRun run) throws Exception {
        return Findings.of(SpeedupTable.of(List.of(RunInput.load(run.write(dir))))).stream()
                .filter(f -> f.question().equals("Are threads enough for I/O?")).findFirst().orElseThrow();
    }

    @Test
    void ioModelsAreComparedAtEqualConcurrencyAndTheUnboundedOneApart() throws Exception {
        Finding finding = ioFinding(io(new HandRun()));

        assertThat(finding.answer())
                .startsWith("WikiBenchmark.batch at 2 cores, at equal concurrency (2 in flight): the best in-JVM "
                        + "model, fixed-pool, 2.00× [")
                .contains("the best process model, process-workers, 1.90× [")
                .contains("Beyond it, virtual-threads (ignores p) runs 32 in flight: 29.09× [")
                .endsWith("Threads are enough for I/O: processes add nothing at the same concurrency.");
    }

    @Test
    void aSmokeRunGivesTheNumbersButNoVerdict() throws Exception {
        Finding finding = ioFinding(io(new HandRun().samples(1, 1)));

        assertThat(finding.answer()).contains("fixed-pool, 2.00× (no interval)")
                .endsWith("No verdict: not enough data for a finding (1 fork of 1 iteration; a verdict needs 2 forks "
                        + "of 3).");
    }

    @Test
    void startUpCostIsPerBatchAndLeavesPerTaskFiguresOut() throws Exception {
        Map<String, Object> cpu = params("tasks", 32, "work", 1000);
        Map<String, Object> dispatch = params("tasks", 1000);
        HandRun run = new HandRun()
                .add(2, "CpuBenchmark", "sequential", 2, cpu, 100)
                .add(2, "CpuBenchmark", "process-workers", 2, cpu, 60)
                .add(2, "CpuBenchmark", "process-spawn", 2, cpu, 960)
                .add(2, "DispatchBenchmark", "sequential", 2, dispatch, 0.00002)
                .add(2, "DispatchBenchmark", "process-workers", 2, dispatch, 0.06)
                .add(2, "DispatchBenchmark", "process-spawn", 2, dispatch, 0.68);

        Finding finding = Findings.of(SpeedupTable.of(List.of(RunInput.load(run.write(dir))))).stream()
                .filter(f -> f.question().equals("What does process start-up cost?")).findFirst().orElseThrow();

        assertThat(finding.answer()).startsWith("Per batch, process-spawn takes 900.0 ms more than process-workers "
                + "(median of 1 matching batch result; by workload: CpuBenchmark.batch 900–900 ms).");
    }
}
