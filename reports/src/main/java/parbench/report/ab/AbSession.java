package parbench.report.ab;

import parbench.report.compare.RunComparison;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Runs an A/B session: pairs of forks of the two builds, interleaved ({@link ForkOrder}), until every point's
 * interval is narrower than its threshold (after {@code minPairs}), the budget would be exceeded by one more pair, or
 * {@code maxPairs} ran, as google/tachometer auto-samples. Each pair runs one JMH fork of every selected point of
 * each build. Not thread-safe; one session at a time.
 *
 * @param fork      launches one fork of one build
 * @param base      the base jar
 * @param candidate the candidate jar
 * @param include   the JMH benchmark regexes (empty: all)
 * @param baseOpts  JMH options for the base only (common options first)
 * @param candidateOpts JMH options for the candidate only
 * @param order     how each pair is ordered
 * @param seed      the order's seed
 * @param budget    wall time for the whole session
 * @param minPairs  pairs before stopping early is considered (at least {@link AbAnalysis#MIN_PAIRS})
 * @param maxPairs  pairs at most
 * @param workDir   where the forks' JSON and logs go
 * @param clock     nanoseconds, {@link System#nanoTime} outside tests
 */
public record AbSession(JmhFork fork, Path base, Path candidate, List<String> include, List<String> baseOpts,
                        List<String> candidateOpts, ForkOrder order, long seed, Duration budget, int minPairs,
                        int maxPairs, Path workDir, LongSupplier clock) {

    /** Runs pairs into {@code record} and returns the final analysis; progress lines go to {@code progress}. */
    public RunComparison run(AbRecord record, AbAnalysis analysis, String baseLabel, String candidateLabel,
                             PrintWriter progress) throws IOException, InterruptedException {
        long start = clock.getAsLong();
        RunComparison comparison = analysis.analyse(record, baseLabel, candidateLabel);
        for (int pair = 0; pair < maxPairs; pair++) {
            long elapsed = clock.getAsLong() - start;
            if (pair > 0) {
                long perPair = elapsed / pair;
                if (elapsed + perPair > budget.toNanos()) {
                    progress.println("parbench ab: stopping after " + pair + " pairs: one more would exceed the"
                            + " budget of " + budget.toSeconds() + " s");
                    break;
                }
            }
            List<Side> sides = order.pair(pair, seed);
            record.startPair(sides);
            for (Side side : sides) {
                String name = String.format(Locale.ROOT, "%03d-%s", pair, side.label());
                boolean isBase = side == Side.BASE;
                record.add(side, fork.run(isBase ? base : candidate, include, isBase ? baseOpts : candidateOpts,
                        workDir.resolve(name + ".json"), workDir.resolve(name + ".log")));
            }
            comparison = analysis.analyse(record, baseLabel, candidateLabel);
            double widest = AbAnalysis.widestInterval(comparison);
            progress.println(String.format(Locale.ROOT, "parbench ab: pair %d (%s first) done at %d s; widest interval"
                            + " %s", pair + 1, sides.get(0).label(), (clock.getAsLong() - start) / 1_000_000_000L,
                    Double.isFinite(widest) ? String.format(Locale.ROOT, "%.1f%%", widest * 100) : "not yet"));
            if (pair + 1 >= Math.max(minPairs, AbAnalysis.MIN_PAIRS) && narrowEnough(comparison)) {
                progress.println("parbench ab: stopping after " + (pair + 1) + " pairs: every interval is narrower"
                        + " than its threshold");
                break;
            }
        }
        return comparison;
    }

    private static boolean narrowEnough(RunComparison comparison) {
        return !comparison.rows().isEmpty() && comparison.rows().stream().allMatch(r -> r.change()
                .map(c -> (c.high() - c.low()) / c.ratio() < r.threshold()).orElse(false));
    }
}
