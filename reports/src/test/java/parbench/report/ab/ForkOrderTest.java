package parbench.report.ab;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForkOrderTest {

    @Test
    void alternateAlwaysRunsTheBaseFirst() {
        assertThat(IntStream.range(0, 10).mapToObj(i -> ForkOrder.ALTERNATE.pair(i, 1)))
                .allSatisfy(p -> assertThat(p).containsExactly(Side.BASE, Side.CANDIDATE));
    }

    @Test
    void randomBlocksPutEachSideFirstAboutHalfTheTimeAndRepeatForTheSameSeed() {
        List<List<Side>> order = IntStream.range(0, 200).mapToObj(i -> ForkOrder.RANDOM.pair(i, 7)).toList();

        long baseFirst = order.stream().filter(p -> p.get(0) == Side.BASE).count();
        assertThat(baseFirst).isBetween(70L, 130L);
        assertThat(IntStream.range(0, 200).mapToObj(i -> ForkOrder.RANDOM.pair(i, 7)).toList()).isEqualTo(order);
        assertThat(order).allSatisfy(p -> assertThat(p).containsExactlyInAnyOrder(Side.BASE, Side.CANDIDATE));
    }

    @Test
    void anUnknownOrderIsNamed() {
        assertThatThrownBy(() -> ForkOrder.parse("zigzag"))
                .hasMessage("unknown order 'zigzag', expected one of alternate, random");
    }
}
