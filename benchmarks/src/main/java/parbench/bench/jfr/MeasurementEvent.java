package parbench.bench.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * One measured iteration of a JMH fork, as a JFR event: it begins when the iteration starts and is
 * committed after it ends, so {@link JfrSummary} counts only what happened while JMH measured,
 * whatever else the recording holds (a recording started with {@code -XX:StartFlightRecording}
 * also covers JVM start and warm-up).
 *
 * <p>Thread-safety: a JFR event; one instance is begun and committed by JMH's iteration thread.
 */
@Name(MeasurementEvent.NAME)
@Label("Measured iteration")
@Category("parbench")
@Description("One measured iteration of a JMH fork")
@StackTrace(false)
final class MeasurementEvent extends jdk.jfr.Event {

    static final String NAME = "parbench.Measurement";

    @Label("Benchmark")
    String benchmark;

    @Label("Params")
    @Description("The benchmark's params as k=v, comma-separated")
    String params;

    @Label("Iteration")
    @Description("1 for the first measured iteration")
    int iteration;

    @Label("Operations")
    @Description("Benchmark operations (batches) in the iteration")
    long operations;

    @Label("Available processors")
    @Description("Runtime.availableProcessors() in the fork: its CPUs")
    int availableProcessors;
}
