package parbench.bench.jfr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a flight recording says about one measured iteration of a JMH fork: the evidence behind a
 * score (how much CPU the JVM used of what it had, how many threads it started, how long threads
 * waited). Read with the JDK's own {@link RecordingFile}, counting only events inside the
 * iteration's {@link MeasurementEvent} window (an event's start time within it). Immutable.
 *
 * <p>Per-operation figures divide by the benchmark operations (batches) JMH counted in that
 * window. Park and monitor times include only the events the recording kept, those longer than
 * its threshold ({@link FlightRecorderProfiler}'s {@code threshold}); allocation is the sum of
 * {@code jdk.ObjectAllocationSample} weights, JFR's own estimate of the bytes allocated.
 *
 * @param iteration the measured iteration, from 1
 * @param operations benchmark operations in the window (at least 1)
 * @param measured the window's length
 * @param cpusAvailable {@code Runtime.availableProcessors()} in the fork
 * @param cpusUsed the JVM's CPU use in CPUs: the mean of {@code jdk.CPULoad}'s jvmUser + jvmSystem
 *     (fractions of the whole machine) times {@code jdk.CPUInformation}'s hardware threads; NaN
 *     when the window holds no CPULoad sample
 * @param threadsStartedPerOp {@code jdk.ThreadStart} events (platform threads) per operation, leaving out
 *     threads that JMH's control thread (the one that commits the window) started: JMH's own worker, which a
 *     first iteration without warm-up starts inside the window
 * @param contextSwitchesPerSecond mean of {@code jdk.ThreadContextSwitchRate}: the whole
 *     machine's rate, not this JVM's alone; NaN without a sample
 * @param parkedMillisPerOp summed {@code jdk.ThreadPark} durations per operation
 * @param blockedMillisPerOp summed {@code jdk.JavaMonitorEnter} durations per operation
 * @param pinnedPerOp {@code jdk.VirtualThreadPinned} events per operation
 * @param submitFailed {@code jdk.VirtualThreadSubmitFailed} events in the window
 * @param gcPauseMillis summed {@code jdk.GarbageCollection} pauses (sumOfPauses) in the window
 * @param allocatedBytesPerOp summed {@code jdk.ObjectAllocationSample} weights per operation
 */
public record JfrSummary(int iteration, long operations, Duration measured, int cpusAvailable, double cpusUsed,
        double threadsStartedPerOp, double contextSwitchesPerSecond, double parkedMillisPerOp,
        double blockedMillisPerOp, double pinnedPerOp, long submitFailed, double gcPauseMillis,
        double allocatedBytesPerOp) {

    /** One figure as a JMH secondary metric: its label ({@code jfr.*}), value and unit. */
    public record Figure(String label, double value, String unit) {}

    /**
     * Summarises the last measured iteration in {@code file}.
     *
     * @throws IOException naming the file when it cannot be read, or holds no {@link MeasurementEvent}
     */
    public static JfrSummary read(Path file) throws IOException {
        List<JfrSummary> all = readAll(file);
        return all.getLast();
    }

    /**
     * Summarises every measured iteration in {@code file}, in order.
     *
     * @throws IOException naming the file when it cannot be read, or holds no {@link MeasurementEvent}
     */
    public static List<JfrSummary> readAll(Path file) throws IOException {
        List<RecordedEvent> events;
        try {
            events = RecordingFile.readAllEvents(file);
        } catch (IOException e) {
            throw new IOException("reading the flight recording " + file + ": " + e.getMessage(), e);
        }
        List<RecordedEvent> windows = events.stream()
                .filter(e -> e.getEventType().getName().equals(MeasurementEvent.NAME))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .toList();
        if (windows.isEmpty()) {
            throw new IOException("the flight recording " + file + " holds no " + MeasurementEvent.NAME
                    + " event: it was not made by FlightRecorderProfiler");
        }
        return windows.stream().map(window -> of(window, events)).toList();
    }

    private static JfrSummary of(RecordedEvent window, List<RecordedEvent> events) {
        Instant from = window.getStartTime();
        Instant to = window.getEndTime();
        long operations = Math.max(1, window.getLong("operations"));
        RecordedThread control = window.getThread();
        int hardwareThreads = 0;
        double loadSum = 0;
        int loadSamples = 0;
        double switchSum = 0;
        int switchSamples = 0;
        long threadsStarted = 0;
        long pinned = 0;
        long submitFailed = 0;
        Duration parked = Duration.ZERO;
        Duration blocked = Duration.ZERO;
        Duration gcPauses = Duration.ZERO;
        double allocated = 0;
        for (RecordedEvent event : events) {
            String name = event.getEventType().getName();
            if (name.equals("jdk.CPUInformation")) {
                hardwareThreads = Math.max(hardwareThreads, event.getInt("hwThreads"));
                continue;
            }
            Instant at = event.getStartTime();
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            switch (name) {
                case "jdk.CPULoad" -> {
                    loadSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    loadSamples++;
                }
                case "jdk.ThreadContextSwitchRate" -> {
                    switchSum += event.getFloat("switchRate");
                    switchSamples++;
                }
                case "jdk.ThreadStart" -> {
                    if (!startedBy(event, control)) {
                        threadsStarted++;
                    }
                }
                case "jdk.ThreadPark" -> parked = parked.plus(event.getDuration());
                case "jdk.JavaMonitorEnter" -> blocked = blocked.plus(event.getDuration());
                case "jdk.VirtualThreadPinned" -> pinned++;
                case "jdk.VirtualThreadSubmitFailed" -> submitFailed++;
                case "jdk.GarbageCollection" -> gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                case "jdk.ObjectAllocationSample" -> allocated += event.getLong("weight");
                default -> { }
            }
        }
        double cpusUsed = loadSamples == 0 || hardwareThreads == 0 ? Double.NaN : loadSum / loadSamples * hardwareThreads;
        double switches = switchSamples == 0 ? Double.NaN : switchSum / switchSamples;
        return new JfrSummary(window.getInt("iteration"), operations, Duration.between(from, to), window.getInt("availableProcessors"), cpusUsed,
                threadsStarted / (double) operations, switches, millis(parked) / operations,
                millis(blocked) / operations, pinned / (double) operations, submitFailed, millis(gcPauses),
                allocated / operations);
    }

    /** The figures in the order the report lists them, as JMH secondary metrics ({@code jfr.*}). */
    public List<Figure> figures() {
        var figures = new ArrayList<Figure>();
        figures.add(new Figure("jfr.cpusUsed", cpusUsed, "CPUs"));
        figures.add(new Figure("jfr.cpusAvailable", cpusAvailable, "CPUs"));
        figures.add(new Figure("jfr.threadsStarted", threadsStartedPerOp, "threads/op"));
        figures.add(new Figure("jfr.contextSwitches", contextSwitchesPerSecond, "switches/s"));
        figures.add(new Figure("jfr.parked", parkedMillisPerOp, "ms/op"));
        figures.add(new Figure("jfr.blocked", blockedMillisPerOp, "ms/op"));
        figures.add(new Figure("jfr.pinned", pinnedPerOp, "events/op"));
        figures.add(new Figure("jfr.submitFailed", submitFailed, "events"));
        figures.add(new Figure("jfr.gcPause", gcPauseMillis, "ms"));
        figures.add(new Figure("jfr.allocated", allocatedBytesPerOp, "B/op"));
        return List.copyOf(figures);
    }

    /** The figures by label, for tests and logs. */
    public Map<String, Double> byLabel() {
        var map = new LinkedHashMap<String, Double>();
        figures().forEach(f -> map.put(f.label(), f.value()));
        return map;
    }

    /** Whether {@code start} is of a thread that {@code control} started: JMH's own (its worker, on a first iteration). */
    private static boolean startedBy(RecordedEvent start, RecordedThread control) {
        RecordedThread parent = start.getThread("parentThread");
        return control != null && parent != null && parent.getJavaThreadId() == control.getJavaThreadId();
    }

    private static double millis(Duration d) {
        return d.toNanos() / 1e6;
    }
}
