package parbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ComputeXTest {

    @Test
    void returnsXAndTwoForOneToTenInOrder() throws InterruptedException {
        var computeX = ComputeX.withDefaultY(Duration.ofMillis(1));
        List<ComputeX.Pair> results = new ArrayList<>();
        for (int x : computeX.inputs(10)) {
            results.add(computeX.apply(x));
        }
        assertThat(results).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 10).mapToObj(x -> new ComputeX.Pair(x, 2)).toList());
    }
}
