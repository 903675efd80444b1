package parbench.report.compare;

import parbench.report.jmh.BenchmarkResult;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;
import parbench.report.stats.SamplingAdvice;
import parbench.report.stats.VarianceSplit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each benchmark's noise lives on one side, turned into advice as Kalibera &amp; Jones do ("Rigorous
 * Benchmarking in Reasonable Time", ISMM 2013): one line per benchmark and mode, from the {@link VarianceSplit} of
 * every result of it with at least 2 forks, giving the median between-fork and within-fork shares and the advice most
 * of its results get, with how many (ties go to the earlier advice in {@link SamplingAdvice} order). The advice weighs
 * the shares against what a fork costs besides its measured iterations ({@link VarianceSplit#forkCostInIterations}),
 * so a benchmark whose noise is mostly within forks can still be told to use more forks when forks are cheap. Benchmarks with no such result
 * get no line: the one-fork warning already covers them. Stateless.
 */
final class SamplingLines {

    private SamplingLines() {
    }

    /** The lines for {@code runs}, benchmarks in order of first appearance. */
    static List<String> of(List<RunInput> runs) {
        Map<String, List<VarianceSplit>> splits = new LinkedHashMap<>();
        for (RunInput run : runs) {
            for (ResultSet set : run.sets()) {
                for (BenchmarkResult result : set.results()) {
                    VarianceSplit split = VarianceSplit.of(result);
                    if (split.advice() != SamplingAdvice.NEEDS_FORKS) {
                        splits.computeIfAbsent(result.shortName() + " " + result.mode(), k -> new ArrayList<>())
                                .add(split);
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>(splits.size());
        splits.forEach((name, group) -> lines.add(TextTable.oneLine(name) + ": " + line(group)));
        return lines;
    }

    private static String line(List<VarianceSplit> group) {
        double between = median(group.stream().mapToDouble(VarianceSplit::betweenForkShare).toArray());
        Map<SamplingAdvice, Integer> counts = new EnumMap<>(SamplingAdvice.class);
        group.forEach(s -> counts.merge(s.advice(), 1, Integer::sum));
        SamplingAdvice advice = counts.entrySet().stream().max(Map.Entry.<SamplingAdvice, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder()))).orElseThrow().getKey();
        String points = group.size() == 1 ? "1 point" : "median of " + group.size() + " points";
        // the advice weighs the shares against a fork's cost (r* = √(c · T1² / T2²)), so say how many points it is
        String votes = group.size() == 1 ? "" : counts.get(advice) + " of " + group.size() + " points: ";
        return String.format(Locale.ROOT, "between forks %.0f %%, within forks %.0f %% (%s); ", between * 100,
                (1 - between) * 100, points) + votes + advice.sentence();
    }

    private static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int n = finite.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? finite[n / 2] : (finite[n / 2 - 1] + finite[n / 2]) / 2;
    }
}
