package parbench.report.analysis;

import parbench.report.jmh.Metric;

import java.util.Optional;

/**
 * How the report puts an interval on a speedup, the ratio of a baseline's score to a model's. One small interface
 * so the statistics core (a hierarchical bootstrap over forks, then iterations) can replace the first
 * implementation, {@link #JMH_BOUNDS}, without touching the tables that read the intervals.
 */
@FunctionalInterface
public interface SpeedupIntervals {

    /**
     * The interval on {@code baseline / model} for times per operation ({@code timePerOp}), or on
     * {@code model / baseline} for throughputs; empty where the metrics carry no interval (one iteration, NaN).
     */
    Optional<Interval> of(Metric baseline, Metric model, boolean timePerOp);

    /**
     * From JMH's own 99.9 % confidence bounds of each side: {@code [baseline low / model high, baseline high /
     * model low]}. Both sides' bounds hold together with at least 99.8 % probability when they are independent,
     * so the interval is conservative: it keeps ties rather than naming winners among them. Stateless.
     */
    SpeedupIntervals JMH_BOUNDS = (baseline, model, timePerOp) -> {
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
        double high = dLow > 0 ? nHigh / dLow : Double.POSITIVE_INFINITY;
        return Optional.of(new Interval(low, Math.max(low, high)));
    };
}
