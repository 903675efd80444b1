package parbench.report.compare;

import org.junit.jupiter.api.Test;
import parbench.report.jmh.HistogramBin;
import parbench.report.jmh.Metric;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SamplesTest {

    @Test
    void rawDataOfEveryForkIsConvertedToMillisecondsPerOperation() {
        Metric metric = new Metric(1500, 0, 0, 0, "us/op", List.of(List.of(1000.0, 2000.0), List.of(1500.0)), List.of());

        assertThat(Samples.of(metric).values()).containsExactly(1.0, 1.5, 2.0);
    }

    @Test
    void throughputIsConvertedToOperationsPerSecond() {
        Metric metric = new Metric(2, 0, 0, 0, "ops/ms", List.of(List.of(2.0, 3.0)), List.of());

        assertThat(Samples.of(metric).values()).containsExactly(2000.0, 3000.0);
    }

    @Test
    void aSampleModeHistogramIsExpandedOneValuePerOperation() {
        Metric metric = new Metric(0, 0, 0, 0, "ns/op", List.of(),
                List.of(List.of(List.of(new HistogramBin(1e6, 2), new HistogramBin(2e6, 1)))));

        assertThat(Samples.of(metric).values()).containsExactly(1.0, 1.0, 2.0);
    }

    @Test
    void nonFiniteAndNonPositiveValuesAreDropped() {
        assertThat(Samples.of(1, Double.NaN, 0, -3, Double.POSITIVE_INFINITY, 2).values()).containsExactly(1.0, 2.0);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Samples.of(4, 1, 3, 2).median()).isEqualTo(2.5);
    }
}
