package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoreSetTest {

    @Test
    void listIsSortedAndDistinct() {
        assertThat(CoreSet.parse("2, 1,2", 4).counts()).containsExactly(1, 2);
    }

    @Test
    void affinityListExpandsRanges() {
        var affinity = CpuAffinity.parse("0-2,5");
        assertThat(affinity.cpus()).isEqualTo(List.of(0, 1, 2, 5));
        assertThat(affinity.first(2).toList()).isEqualTo("0,1");
        assertThat(affinity.after(3).toList()).isEqualTo("5");
    }
}
