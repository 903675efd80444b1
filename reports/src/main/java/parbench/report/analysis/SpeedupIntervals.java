package parbench.report.analysis;

import parbench.report.jmh.Metric;
import parbench.report.stats.Bootstrap;
import parbench.report.stats.SampleTree;

import java.util.Optional;

/**
 * How the report puts an interval on a derived figure: a speedup (the ratio of a baseline's score to a model's)
 * and an efficiency (a fixed ideal over a score). One small interface, so the tables that read intervals do not
 * depend on how they are made: {@link #BOOTSTRAP} (the statistics core's hierarchical bootstrap, the default) or
 * {@link #JMH_BOUNDS} (JMH's own bounds, for files without raw data).
 */
public interface SpeedupIntervals {

    /** The confidence of every interval the report draws. */
    double CONFIDENCE = 0.99;

    /**
     * The interval on {@code baseline / model} for times per operation ({@code timePerOp}), or on
     * {@code model / baseline} for throughputs; empty where the metrics carry no interval (one iteration, NaN).
     */
    Optional<Interval> ratio(Metric baseline, Metric model, boolean timePerOp);

    /** The interval on {@code ideal / model} (an efficiency against a fixed ideal time); empty where there is none. */
    Optional<Interval> inverse(double ideal, Metric model);

    /**
     * The hierarchical bootstrap over forks, then iterations (Kalibera &amp; Jones 2013), from
     * {@link Bootstrap#standard()}: a speedup resamples both sides together, as runs of the same suite; a result
     * with fewer than two samples has no interval. Falls back to {@link #JMH_BOUNDS} where a metric has no raw
     * data (JMH files written without it). Stateless, deterministic (seeded by the data).
     */
    SpeedupIntervals BOOTSTRAP = new SpeedupIntervals() {
        @Override
        public Optional<Interval> ratio(Metric baseline, Metric model, boolean timePerOp) {
            SampleTree b = SampleTree.of(baseline);
            SampleTree m = SampleTree.of(model);
            if (b.iterations() < 2 || m.iterations() < 2) {
                return b.isEmpty() || m.isEmpty() ? JMH_BOUNDS.ratio(baseline, model, timePerOp) : Optional.empty();
            }
            var estimate = timePerOp ? Bootstrap.standard().ratio(b, m, CONFIDENCE, true)
                    : Bootstrap.standard().ratio(m, b, CONFIDENCE, true);
            return interval(estimate.low(), estimate.high());
        }

        @Override
        public Optional<Interval> inverse(double ideal, Metric model) {
            SampleTree m = SampleTree.of(model);
            if (m.iterations() < 2) {
                return m.isEmpty() ? JMH_BOUNDS.inverse(ideal, model) : Optional.empty();
            }
            double[] bounds = Bootstrap.standard().replicates(m).map(t -> ideal / t).interval(CONFIDENCE);
            return interval(bounds[0], bounds[1]);
        }
    };

    /**
     * From JMH's own 99.9 % confidence bounds of each side: {@code [baseline low / model high, baseline high /
     * model low]}. Both sides' bounds hold together with at least 99.8 % probability when they are independent,
     * so the interval is conservative: it keeps ties rather than naming winners among them. Stateless.
     */
    SpeedupIntervals JMH_BOUNDS = new SpeedupIntervals() {
        @Override
        public Optional<Interval> ratio(Metric baseline, Metric model, boolean timePerOp) {
            Metric numerator = timePerOp ? baseline : model;
            Metric denominator = timePerOp ? model : baseline;
            double nLow = numerator.confidenceLow();
            double nHigh = numerator.confidenceHigh();
            double dLow = denominator.confidenceLow();
            double dHigh = denominator.confidenceHigh();
            if (!Double.isFinite(nLow) || !Double.isFinite(nHigh) || !Double.isFinite(dLow) || !Double.isFinite(dHigh)
                    || !(dHigh > 0) || nHigh < nLow || dHigh < dLow) {
                return Optional.empty();
            }
            double low = Math.max(0, nLow) / dHigh;
            return interval(low, dLow > 0 ? nHigh / dLow : Double.POSITIVE_INFINITY);
        }

        @Override
        public Optional<Interval> inverse(double ideal, Metric model) {
            double lo = model.confidenceLow();
            double hi = model.confidenceHigh();
            if (!Double.isFinite(lo) || !Double.isFinite(hi) || !(hi > 0) || hi < lo) {
                return Optional.empty();
            }
            return interval(ideal / hi, lo > 0 ? ideal / lo : Double.POSITIVE_INFINITY);
        }
    };

    private static Optional<Interval> interval(double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return Optional.empty();
        }
        return Optional.of(new Interval(Math.min(low, high), Math.max(low, high)));
    }
}
