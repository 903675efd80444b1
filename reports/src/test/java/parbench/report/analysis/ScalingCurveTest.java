package parbench.report.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.fixture.HandRun;
import parbench.report.run.RunInput;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static parbench.report.fixture.HandRun.params;

/** Which curves the report fits, from hand-made runs whose speedups follow a known law. */
class ScalingCurveTest {

    private static final Map<String, Object> CPU = params("tasks", 64, "work", 1_000_000);

    @TempDir
    Path dir;

    /** fork-join at parallelism = cores follows the USL with sigma 0.05, kappa 0.002 over a 100 ms sequential time. */
    private static HandRun run(int... cores) {
        HandRun run = new HandRun();
        for (int c : cores) {
            double speedup = c / (1 + 0.05 * (c - 1) + 0.002 * c * (c - 1));
            run.add(c, "CpuBenchmark", "sequential", c, CPU, 100).add(c, "CpuBenchmark", "fork-join", c, CPU, 100 / speedup);
        }
        return run;
    }

    private List<ScalingCurve> curves(HandRun run) throws Exception {
        return ScalingCurve.of(SpeedupTable.of(List.of(RunInput.load(run.write(dir)))));
    }

    @Test
    void fourCoreCountsGiveBothFitsWithTheKnownCoefficients() throws Exception {
        ScalingCurve curve = curves(run(1, 2, 4, 8)).stream().filter(c -> c.axis().equals("cores"))
                .findFirst().orElseThrow();

        assertThat(curve.model()).isEqualTo("fork-join");
        assertThat(curve.points()).isEqualTo(4);
        assertThat(curve.usl()).hasValueSatisfying(u -> {
            assertThat(u.sigma()).isCloseTo(0.05, within(1e-4));
            assertThat(u.kappa()).isCloseTo(0.002, within(1e-5));
        });
        assertThat(curve.amdahl()).isPresent();
        assertThat(curve.text()).startsWith("Amdahl: σ = ").contains("; USL: σ = 0.0500 [")
                .contains("predicted peak");
    }

    @Test
    void twoCoreCountsAreTooFewToFit() throws Exception {
        ScalingCurve curve = curves(run(1, 2)).stream().filter(c -> c.axis().equals("cores")).findFirst().orElseThrow();

        assertThat(curve.amdahl()).isEmpty();
        assertThat(curve.usl()).isEmpty();
        assertThat(curve.text()).isEqualTo("too few core counts to fit");
    }
}
