/**
 * The statistics core: one implementation of intervals and noise analysis for report, compare, {@code ab} and
 * history. Levels are runs ⊃ forks (JVM invocations) ⊃ measurement iterations (Kalibera &amp; Jones, "Rigorous
 * Benchmarking in Reasonable Time", ISMM 2013; Georges, Buytaert &amp; Eeckhout, "Statistically Rigorous Java
 * Performance Evaluation", OOPSLA 2007): noise is resampled at the level where it lives, never by pooling iterations
 * as if they were independent.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link parbench.report.stats.SampleTree}: the data. {@code SampleTree.of(metric)} from a JMH
 *       {@link parbench.report.jmh.Metric} (raw data, or sample-mode histograms reduced to each iteration's mean);
 *       {@code ofForks(double[]...)}, {@code ofRuns(List<double[][]>)}, a {@code Builder};
 *       {@code forksOf(parts)} joins one run's pieces, {@code ofRunsOf(parts)} makes several runs one tree;
 *       {@code scaled(factor)} converts units; {@code mean()} is the mean of run means of fork means.</li>
 *   <li>{@link parbench.report.stats.Bootstrap}: the hierarchical bootstrap, seeded and deterministic.
 *       {@code Bootstrap.standard().score(tree, 0.99)} gives an {@link parbench.report.stats.Estimate} of the mean;
 *       {@code ratio(numerator, denominator, 0.99, pairRuns)} the interval of a ratio with both trees resampled
 *       together (compare: candidate / baseline, {@code pairRuns = false}; speedup: sequential / model from the same
 *       runs, {@code pairRuns = true}); {@code replicates(tree)} and {@code replicatesTogether(a, b, pairRuns)} give
 *       the raw {@link parbench.report.stats.Replicates} to build any other figure element-wise (efficiency =
 *       {@code replicates(tree).map(t -> ideal / t)}), then {@code interval(confidence)}.</li>
 *   <li>{@link parbench.report.stats.Estimate}: point, low, high; {@code oneFork()} and {@code caveat()} say when the
 *       interval ignores JVM-to-JVM variation ({@link parbench.report.stats.Estimate#ONE_FORK_CAVEAT}).</li>
 *   <li>{@link parbench.report.stats.VarianceSplit}: {@code VarianceSplit.of(result)} or {@code of(tree, forkCost)}:
 *       between-fork and within-fork shares, Kalibera &amp; Jones's optimal iterations per fork, a
 *       {@link parbench.report.stats.SamplingAdvice} and a one-line {@code summary()} ("for a tighter interval in the
 *       same time, use more forks ...").</li>
 * </ul>
 * Units for display: {@link parbench.report.jmh.ScoreScale} picks one unit for a group of scores.
 *
 * <p>Every type here is immutable and thread-safe, except {@code SampleTree.Builder}.
 */
package parbench.report.stats;
