package parbench.bench;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The lifecycle every benchmark of this package shares (JMH runs the fixtures of a state's
 * superclasses, {@code JMHSample_24_Inheritance}): the subclass opens {@link #harness} in its
 * {@code @Setup(Level.Trial)}; each iteration's last batch is {@linkplain BatchHarness#verify()
 * checked} after the iteration, outside the timed path ({@code JMHSample_06_FixtureLevel}); the
 * harness is closed after the trial.
 *
 * <p>Not thread-safe: JMH calls the fixtures from the benchmark thread.
 */
public abstract class BatchBenchmark<I, O> {

    /** Opened by the subclass's trial set-up; null until then. */
    BatchHarness<I, O> harness;

    /** Checks the iteration's last batch; a wrong output fails the point. */
    @TearDown(Level.Iteration)
    public void verify() {
        harness.verify();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        close();
    }

    /** Closes what the trial opened; a subclass that opens more (a stub) closes it after calling this. */
    void close() {
        if (harness != null) {
            harness.close();
        }
    }
}
