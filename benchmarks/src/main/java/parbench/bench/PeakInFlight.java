package parbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JMH secondary metric {@code peakInFlight}: the most tasks running at once in a batch, so a
 * reader sees why a model is as fast as it is ({@code common-pool} on 2 cores: 1).
 *
 * <p>JMH sums {@link AuxCounters.Type#EVENTS} counters over the measurement iterations instead
 * of averaging them, so each iteration contributes its peak divided by the number of
 * measurement iterations: the metric's {@code score} is then the mean per-iteration peak (and
 * each {@code rawData} entry is that iteration's share). 0 means not observable in the
 * benchmark's JVM (process models run tasks in other JVMs).
 *
 * <p>Not thread-safe: one per benchmark thread ({@link Scope#Thread}).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PeakInFlight {

    /** Read by JMH; the field name is the metric's name. */
    public double peakInFlight;

    private long iterationPeak;
    private int measurementIterations = 1;

    @Setup(Level.Iteration)
    public void reset(BenchmarkParams params) {
        measurementIterations = Math.max(params.getMeasurement().getCount(), 1);
        iterationPeak = 0;
        peakInFlight = 0;
    }

    void record(long batchPeak) {
        iterationPeak = Math.max(iterationPeak, batchPeak);
        peakInFlight = (double) iterationPeak / measurementIterations;
    }
}
