package parbench.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import parbench.bench.model.ModelSettings;
import parbench.workload.stub.StubConfig;
import parbench.workload.stub.WikipediaStub;
import parbench.workload.wiki.WikiPageChecker;

/**
 * The seed's I/O example: how fast does each model check {@code tasks} Wikipedia pages (GET,
 * 200 exists / 404 does not) against a stub answering after {@code latencyMillis}?
 *
 * <p>Baseline: {@code sequential}, about {@code tasks × latency}. Physical ideal:
 * {@code ceil(n / c) × latency} with {@code c = min(p, n)} checks in flight. The OkHttp client's
 * connection pool holds {@code tasks} connections, so the client never caps a model.
 *
 * <p>The stub: an in-process {@link WikipediaStub} with {@code latencyMillis} unless
 * {@code -Dparbench.stub.url} names an external one (what the sweep does, so the stub does not
 * share the measured cores); then {@code -Dparbench.stub.latencyMillis} must give that stub's
 * latency and must equal the {@code latencyMillis} parameter, or the trial fails. Pass both to
 * the forks with {@code -jvmArgsAppend}.
 *
 * <p>{@code sequential}, {@code common-pool}, {@code parallel-stream}, {@code thread-per-task}
 * and {@code virtual-threads} ignore {@code parallelism}: their rows repeat at every value.
 *
 * <p>Run: {@code scripts/parbench jmh WikiBenchmark -p model=virtual-threads
 * -p parallelism=32 -rf json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class WikiBenchmark extends BatchBenchmark<String, String> {

    /** An external stub's base URL; absent: the benchmark starts its own. */
    public static final String STUB_URL_PROPERTY = "parbench.stub.url";
    /** The external stub's latency in ms; required with {@link #STUB_URL_PROPERTY}. */
    public static final String STUB_LATENCY_PROPERTY = "parbench.stub.latencyMillis";

    @Param({"sequential", "thread-per-task", "fixed-pool", "fork-join", "common-pool", "parallel-stream",
            "virtual-threads", "virtual-threads-bounded", "process-workers", "process-spawn"})
    public String model;

    /** joblib's {@code n_jobs}: 1 or more, or -1 for every processor, -2 all but one. */
    @Param({"1", "8", "32"})
    public int parallelism;

    /**
     * 32 checks at 50 ms ask at most 640 requests/s of the stub (all in flight at once), about a tenth of what
     * it serves on 2 cores: the report warns above a quarter of its measured capacity.
     */
    @Param({"32"})
    public int tasks;

    @Param({"50"})
    public long latencyMillis;

    private WikipediaStub stub;

    @Setup(Level.Trial)
    public void setUp() {
        String baseUrl = System.getProperty(STUB_URL_PROPERTY);
        if (baseUrl == null) {
            stub = WikipediaStub.start(StubConfig.defaults().withLatency(Duration.ofMillis(latencyMillis)));
            baseUrl = stub.baseUrl();
        } else {
            checkExternalLatency(baseUrl);
        }
        try {
            harness = BatchHarness.openGauged(model, ModelSettings.ofJobs(parallelism),
                    WikiPageChecker.create(baseUrl, tasks, WikiPageChecker.DEFAULT_TIMEOUT), tasks);
        } catch (RuntimeException e) {
            // JMH skips the tear-down of a failed set-up: close the stub here, or the fork never exits.
            close();
            throw e;
        }
    }

    private void checkExternalLatency(String baseUrl) {
        String declared = System.getProperty(STUB_LATENCY_PROPERTY);
        if (declared == null) {
            throw new IllegalStateException("-D" + STUB_URL_PROPERTY + "=" + baseUrl + " needs -D"
                    + STUB_LATENCY_PROPERTY + "=<that stub's latency in ms>");
        }
        long external;
        try {
            external = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("-D" + STUB_LATENCY_PROPERTY + " must be whole milliseconds, was '"
                    + declared + "'", e);
        }
        if (external != latencyMillis) {
            throw new IllegalStateException("the external stub at " + baseUrl + " answers after " + external
                    + " ms but the latencyMillis parameter is " + latencyMillis + "; run with -p latencyMillis="
                    + external);
        }
    }

    /** The harness, then the stub this trial started, if any. */
    @Override
    void close() {
        try {
            super.close();
        } finally {
            if (stub != null) {
                stub.close();
            }
        }
    }

    /** One batch of {@code tasks} page checks (checked by {@link #verify}). */
    @Benchmark
    public List<String> batch(PeakInFlight peak) {
        return harness.run(peak);
    }
}
