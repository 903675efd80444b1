package parbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoopTaskTest {

    @Test
    void returnsItsInput() {
        var noop = new NoopTask();
        assertThat(noop.inputs(3)).containsExactly(0, 1, 2).allSatisfy(i -> assertThat(noop.apply(i)).isEqualTo(i));
    }
}
