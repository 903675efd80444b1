package parbench.report.compare;

import parbench.report.jmh.ScoreScale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rows of one benchmark, mode and figure, as benchstat groups a table: the params that occur become columns
 * (with {@code cores} last when the inputs were run directories), one {@link ScoreScale} serves every value of the
 * group, and a geometric-mean row sums the group up.
 *
 * @param title   {@code SleepBenchmark.batch avgt} plus the figure when it is not the score
 * @param unit    the group's normalised unit
 * @param scale   the display unit for every value of the group
 * @param params  the param names that are columns, sorted
 * @param cores   true when some row has a core count
 * @param rows    the rows, in comparison order
 */
public record ComparisonGroup(String title, String unit, ScoreScale scale, List<String> params, boolean cores,
                              List<ComparisonRow> rows) {

    /** Groups {@code rows} in order of first appearance. */
    public static List<ComparisonGroup> of(List<ComparisonRow> rows) {
        Map<String, List<ComparisonRow>> groups = new LinkedHashMap<>();
        for (ComparisonRow row : rows) {
            ComparisonKey k = row.key();
            groups.computeIfAbsent(k.benchmark() + '\u0000' + k.mode() + '\u0000' + k.figure() + '\u0000' + k.unit(),
                    g -> new ArrayList<>()).add(row);
        }
        // each group's params, scale and title depend on its rows alone: built on every core, kept in order
        return groups.values().parallelStream().map(ComparisonGroup::ofMembers).toList();
    }

    private static ComparisonGroup ofMembers(List<ComparisonRow> members) {
        ComparisonKey first = members.get(0).key();
        TreeSet<String> params = new TreeSet<>();
        boolean cores = false;
        double[] values = new double[2 * members.size()];
        int n = 0;
        for (ComparisonRow row : members) {
            params.addAll(row.key().params().keySet());
            cores |= row.key().cores() != null;
            if (row.baseline().isPresent()) {
                values[n++] = row.baseline().get().value();
            }
            if (row.candidate().isPresent()) {
                values[n++] = row.candidate().get().value();
            }
        }
        ScoreScale scale = ScoreScale.of(first.unit(), n == values.length ? values : Arrays.copyOf(values, n));
        String title = shortName(first.benchmark()) + " " + first.mode()
                + (first.figure().equals(Figures.SCORE) ? "" : " " + first.figure());
        return new ComparisonGroup(title, first.unit(), scale, List.copyOf(params), cores, List.copyOf(members));
    }

    /**
     * The geometric means over the rows with both sides: {@code {baseline, candidate, ratio}}, NaN where no row has
     * both (or a value is not positive).
     */
    public double[] geomeans() {
        double b = 0;
        double c = 0;
        int n = 0;
        for (ComparisonRow row : rows) {
            if (row.baseline().isPresent() && row.candidate().isPresent()) {
                double bv = row.baseline().get().value();
                double cv = row.candidate().get().value();
                if (bv > 0 && cv > 0) {
                    b += Math.log(bv);
                    c += Math.log(cv);
                    n++;
                }
            }
        }
        if (n == 0) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
        return new double[]{Math.exp(b / n), Math.exp(c / n), Math.exp((c - b) / n)};
    }

    /** {@code value ± x%} in the group's scale, or {@code -}. */
    public String side(java.util.Optional<SideSummary> side) {
        return side.map(s -> scale.format(s.value()) + " ± " + (Double.isFinite(s.plusMinusPercent())
                ? Notation.fixed(s.plusMinusPercent(), 1, false) + "%" : "n/a")).orElse("-");
    }

    private static String shortName(String benchmark) {
        int last = benchmark.lastIndexOf('.');
        int previous = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
        return benchmark.substring(previous + 1);
    }
}
