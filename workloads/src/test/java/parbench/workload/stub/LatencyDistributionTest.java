package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LatencyDistributionTest {

    @ParameterizedTest
    @EnumSource(LatencyDistribution.class)
    void drawsAverageToTheMean(LatencyDistribution distribution) {
        var random = new SplittableRandom(1);
        double sum = 0;
        int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            sum += distribution.delayMillis(100, random.nextDouble(), random.nextDouble());
        }
        assertThat(sum / draws).isCloseTo(100, Percentage.withPercentage(3));
    }
}
