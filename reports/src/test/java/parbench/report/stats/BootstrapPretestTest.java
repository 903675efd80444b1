package parbench.report.stats;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class BootstrapPretestTest {

    @Test
    void atNinetyNinePercentAPilotLeavesCountsUpToFiveOpenAndSettlesSixOrMore() {
        double tail = 0.005;

        var open = IntStream.rangeClosed(0, 10)
                .filter(k -> BootstrapPretest.undecided(k, BootstrapPretest.PILOT_RESAMPLES, tail)).boxed().toList();

        assertThat(open).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void aCountFarBelowTheTailSettlesTheDecisionWithEnoughResamples() {
        // 0 of 2000 below the bound where 10 are expected: P = 0.995^2000 ≈ 4e-5 < beta
        assertThat(BootstrapPretest.undecided(0, 2000, 0.005)).isFalse();
        assertThat(BootstrapPretest.undecided(10, 2000, 0.005)).isTrue();
    }

    @Test
    void thePilotsReplicatesAreTheFirstOfTheFullBootstraps() {
        Random random = new Random(3);
        SampleTree tree = SampleTree.ofForks(IntStream.range(0, 3)
                .mapToObj(f -> random.doubles(7, 1, 2).toArray()).toArray(double[][]::new));
        Bootstrap full = new Bootstrap(2000, 42);

        double[] pilot = full.pilot().replicates(tree).values();
        double[] all = full.replicates(tree).values();

        assertThat(pilot).hasSize(BootstrapPretest.PILOT_RESAMPLES);
        assertThat(all).startsWith(pilot);
    }

    @Test
    void aBootstrapNoLargerThanThePilotIsItsOwnPilot() {
        Bootstrap small = new Bootstrap(150, 1);

        assertThat(small.pilot()).isSameAs(small);
    }
}
