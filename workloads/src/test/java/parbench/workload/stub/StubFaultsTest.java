package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class StubFaultsTest {

    @Test
    void drawsFallIntoDisjointBands() {
        var faults = new StubFaults(0.1, 0.2, 0.3, Duration.ofSeconds(1));
        assertThat(faults.faultFor(0.05)).isEqualTo(StubFaults.Fault.SERVER_ERROR);
        assertThat(faults.faultFor(0.25)).isEqualTo(StubFaults.Fault.CONNECTION_RESET);
        assertThat(faults.faultFor(0.55)).isEqualTo(StubFaults.Fault.SLOW);
        assertThat(faults.faultFor(0.65)).isEqualTo(StubFaults.Fault.NONE);
    }

    @Test
    void fractionsAddingUpToMoreThanOneAreRejectedNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new StubFaults(0.5, 0.4, 0.2, Duration.ofSeconds(1)))
                .withMessage("error, reset and slow fractions must add up to at most 1, were 0.5 + 0.4 + 0.2");
    }
}
