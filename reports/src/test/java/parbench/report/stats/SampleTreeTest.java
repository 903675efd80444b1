package parbench.report.stats;

import org.junit.jupiter.api.Test;
import parbench.report.jmh.HistogramBin;
import parbench.report.jmh.JmhJsonReader;
import parbench.report.jmh.Metric;
import parbench.report.jmh.Fixtures;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SampleTreeTest {

    @Test
    void rawDataKeepsItsForksAndIterations() {
        Metric metric = new Metric(0, 0, 0, 0, "ms/op", List.of(List.of(1.0, 2.0, 3.0), List.of(4.0, 5.0)), List.of());

        SampleTree tree = SampleTree.of(metric);

        assertThat(tree.runs()).isEqualTo(1);
        assertThat(tree.forks()).isEqualTo(2);
        assertThat(tree.iterations()).isEqualTo(5);
        assertThat(tree.fork(1)).containsExactly(4.0, 5.0);
    }

    @Test
    void aSampleModeIterationIsTheCountWeightedMeanOfItsHistogram() {
        Metric metric = new Metric(0, 0, 0, 0, "ns/op", List.of(), List.of(
                List.of(List.of(new HistogramBin(10, 3), new HistogramBin(20, 1)), List.of(new HistogramBin(30, 2))),
                List.of(List.of(new HistogramBin(40, 1), new HistogramBin(99, 0)))));

        SampleTree tree = SampleTree.of(metric);

        assertThat(tree.forks()).isEqualTo(2);
        assertThat(tree.fork(0)).containsExactly(12.5, 30.0);
        assertThat(tree.fork(1)).containsExactly(40.0);
    }

    @Test
    void aRealSampleModeFileGivesOneValuePerIteration() throws Exception {
        var result = new JmhJsonReader().read(Fixtures.jmh("real-jmh-1.37-sample.json")).results().get(0);

        SampleTree tree = SampleTree.of(result.primaryMetric());

        var bins = result.primaryMetric().rawDataHistogram().get(0).get(0);
        double sum = bins.stream().mapToDouble(b -> b.value() * b.count()).sum();
        long count = bins.stream().mapToLong(HistogramBin::count).sum();
        assertThat(tree.iterations()).isEqualTo(result.primaryMetric().iterationCount());
        assertThat(tree.fork(0)[0]).isCloseTo(sum / count, within(1e-9 * sum / count));
    }

    @Test
    void theMeanWeighsEveryForkAlikeWhateverItsIterationCount() {
        SampleTree tree = SampleTree.ofForks(new double[]{1, 1, 1, 1}, new double[]{3});

        assertThat(tree.mean()).isEqualTo(2.0);
    }

    @Test
    void theMeanWeighsEveryRunAlikeWhateverItsForkCount() {
        SampleTree tree = SampleTree.ofRuns(List.of(new double[][]{{1}, {1}, {1}}, new double[][]{{5}}));

        assertThat(tree.mean()).isEqualTo(3.0);
        assertThat(tree.runMean(0)).isEqualTo(1.0);
        assertThat(tree.minForksPerRun()).isEqualTo(1);
    }

    @Test
    void nonFiniteValuesAreDroppedAndForksAndRunsLeftEmptyWithThem() {
        SampleTree tree = SampleTree.ofRuns(List.of(
                new double[][]{{1, Double.NaN}, {Double.POSITIVE_INFINITY}},
                new double[][]{{Double.NaN}}));

        assertThat(tree.runs()).isEqualTo(1);
        assertThat(tree.forks()).isEqualTo(1);
        assertThat(tree.pooled()).containsExactly(1.0);
    }

    @Test
    void severalTreesBecomeRunsOfOneOrForksOfOne() {
        SampleTree a = SampleTree.ofForks(new double[]{1, 2}, new double[]{3});
        SampleTree b = SampleTree.ofForks(new double[]{4});

        assertThat(SampleTree.ofRunsOf(List.of(a, b)).runs()).isEqualTo(2);
        assertThat(SampleTree.ofRunsOf(List.of(a, b)).forksIn(0)).isEqualTo(2);
        SampleTree joined = SampleTree.forksOf(List.of(a, b));
        assertThat(joined.runs()).isEqualTo(1);
        assertThat(joined.forks()).isEqualTo(3);
        assertThatThrownBy(() -> SampleTree.forksOf(List.of(SampleTree.ofRunsOf(List.of(a, b)), b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 runs");
    }

    @Test
    void scalingConvertsEveryValue() {
        SampleTree tree = SampleTree.ofForks(new double[]{1000, 2000}).scaled(1e-3);

        assertThat(tree.pooled()).containsExactly(1.0, 2.0);
    }
}
