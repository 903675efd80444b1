package parbench.report.compare;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.SyntheticComparison;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;
import parbench.report.stats.SamplingAdvice;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplingLinesTest {

    private static final Path PAIR = Path.of("src", "test", "resources", "compare", "rerun-pair");

    @TempDir
    Path dir;

    @Test
    void forksThatDifferFarMoreThanTheirIterationsAdviseMoreForks() throws Exception {
        // GIVEN 5 forks of 10 iterations whose fork offsets (5 %) dwarf the iteration noise (0.5 %)
        Path file = dir.resolve("forked.json");
        SyntheticComparison.write(file, SyntheticComparison.forkedResults(2, 5, 10, 1.0, 0.05, 0.005, 7, false));

        List<String> lines = SamplingLines.of(List.of(RunInput.load(file)));

        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches("Forked\\.m\\d avgt: between forks (9\\d|100) %, within forks \\d % \\(1 point\\); .*")
                .endsWith(SamplingAdvice.MORE_FORKS.sentence()));
    }

    @Test
    void oneForkResultsGetNoLine() throws Exception {
        Path file = dir.resolve("one-fork.json");
        SyntheticComparison.write(file, new SyntheticComparison.Spec(3, "avgt", "ms/op", 1.0, 0.02, 10, 1));

        assertThat(SamplingLines.of(List.of(RunInput.load(file)))).isEmpty();
    }

    @Test
    void theTextOutputOfTheRealRerunPairStatesTheAdvicePerBenchmark() throws Exception {
        RunComparison comparison = RunComparison.of(List.of(RunInput.load(PAIR.resolve("run-1"))),
                List.of(RunInput.load(PAIR.resolve("run-2"))), HardwareMode.SAME_HARDWARE, 0.01,
                Thresholds.uniform(0.05), RunComparison.DEFAULT_RUN_NOISE, Bootstrap.standard());
        StringWriter out = new StringWriter();

        new TextTable().render(comparison, out);

        assertThat(comparison.sampling()).hasSize(2);
        assertThat(out.toString()).contains("\nsampling (candidate; Kalibera & Jones's variance split):\n")
                .containsPattern("\n  CpuBenchmark\\.batch avgt: between forks \\d+ %, within forks \\d+ % \\(median of"
                        + " \\d+ points\\); \\d+ of \\d+ points: (for a tighter interval|forks and iterations are balanced)")
                .containsPattern("\n  SleepBenchmark\\.batch avgt: between forks");
    }
}
