package parbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JMH secondary metric {@code peakInFlight}: the most tasks running at once in any batch of
 * an iteration (JMH reports the mean over iterations). 0 means not observable in the
 * benchmark's JVM (process models).
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class PeakInFlight {

    /** Read by JMH; the field name is the metric's name. */
    public long peakInFlight;

    @Setup(Level.Iteration)
    public void reset() {
        peakInFlight = 0;
    }

    void record(long batchPeak) {
        peakInFlight = Math.max(peakInFlight, batchPeak);
    }
}
