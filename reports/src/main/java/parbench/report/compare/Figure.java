package parbench.report.compare;

import parbench.report.stats.Bootstrap;
import parbench.report.stats.Replicates;
import parbench.report.stats.SampleTree;

/**
 * One side's measurements of one compared figure, kept as {@link SampleTree}s (runs ⊃ forks ⊃ iterations) so that
 * the figure's uncertainty is resampled at the levels where it lives. A figure knows its value, its bootstrap
 * replicates, and its value in each run (what replicated runs compare).
 */
public sealed interface Figure {

    ComparisonKey key();

    Direction direction();

    /** The figure's value on the data. */
    double point();

    /** Its bootstrap distribution (resampling runs, then forks, then iterations). */
    Replicates replicates(Bootstrap bootstrap);

    /** Its value in each run of the side, in run order. */
    double[] runValues();

    /** The tree whose runs, forks and iterations the figure reports (for a speedup: the model's). */
    SampleTree tree();

    /** The runs behind it. */
    default int runs() {
        return tree().runs();
    }

    /** The forks behind it, over all runs (for a speedup: the model's). */
    default int forks() {
        return tree().forks();
    }

    /** The measurement iterations behind it, over all forks (for a speedup: the model's). */
    default int iterations() {
        return tree().iterations();
    }

    /** True when some run behind it has a single fork: its interval ignores JVM-to-JVM variation. */
    default boolean oneFork() {
        return tree().minForksPerRun() == 1;
    }

    /** Independent units at the top resampled level ({@link SampleTree#topLevelUnits()}; a speedup's fewer). */
    default int units() {
        return tree().topLevelUnits();
    }

    /** A score: the mean of the tree, in the key's normalised unit. */
    record Score(ComparisonKey key, Direction direction, SampleTree tree) implements Figure {
        @Override
        public double point() {
            return tree.mean();
        }

        @Override
        public Replicates replicates(Bootstrap bootstrap) {
            return bootstrap.replicates(tree);
        }

        @Override
        public double[] runValues() {
            double[] values = new double[tree.runs()];
            for (int r = 0; r < values.length; r++) {
                values[r] = tree.runMean(r);
            }
            return values;
        }
    }

    /**
     * A speedup over {@code sequential} measured in the same runs: for times {@code sequential / model}, for
     * throughputs {@code model / sequential}. Both trees have the same runs (run {@code r} of each is the same run of
     * the suite); the bootstrap draws those runs jointly and the forks of each independently, so the interval carries
     * the baseline's uncertainty as well as the model's.
     */
    record Speedup(ComparisonKey key, SampleTree model, SampleTree sequential, boolean timePerOp) implements Figure {

        public Speedup {
            if (model.runs() != sequential.runs()) {
                throw new IllegalArgumentException("a speedup's model and sequential trees need the same runs: "
                        + model.runs() + " vs " + sequential.runs());
            }
        }

        @Override
        public Direction direction() {
            return Direction.HIGHER_IS_BETTER;
        }

        @Override
        public double point() {
            return timePerOp ? sequential.mean() / model.mean() : model.mean() / sequential.mean();
        }

        @Override
        public Replicates replicates(Bootstrap bootstrap) {
            Replicates[] both = bootstrap.replicatesTogether(sequential, model, true);
            return timePerOp ? both[0].dividedBy(both[1]) : both[1].dividedBy(both[0]);
        }

        @Override
        public double[] runValues() {
            double[] values = new double[model.runs()];
            for (int r = 0; r < values.length; r++) {
                values[r] = timePerOp ? sequential.runMean(r) / model.runMean(r) : model.runMean(r) / sequential.runMean(r);
            }
            return values;
        }

        @Override
        public SampleTree tree() {
            return model;
        }

        @Override
        public boolean oneFork() {
            return model.minForksPerRun() == 1 || sequential.minForksPerRun() == 1;
        }

        @Override
        public int units() {
            return Bootstrap.ratioUnits(model.topLevelUnits(), sequential.topLevelUnits())[0];
        }
    }

    /** An efficiency against the physical ideal: {@code idealMillis / time} with the tree in ms/op. */
    record Efficiency(ComparisonKey key, SampleTree tree, double idealMillis) implements Figure {
        @Override
        public Direction direction() {
            return Direction.HIGHER_IS_BETTER;
        }

        @Override
        public double point() {
            return idealMillis / tree.mean();
        }

        @Override
        public Replicates replicates(Bootstrap bootstrap) {
            return bootstrap.replicates(tree).map(t -> idealMillis / t);
        }

        @Override
        public double[] runValues() {
            double[] values = new double[tree.runs()];
            for (int r = 0; r < values.length; r++) {
                values[r] = idealMillis / tree.runMean(r);
            }
            return values;
        }
    }
}
