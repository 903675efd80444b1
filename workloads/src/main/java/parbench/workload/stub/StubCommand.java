package parbench.workload.stub;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import parbench.workload.cli.ExitContract;
import parbench.workload.wiki.WikiCorpus;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code scripts/parbench stub}: serves the {@link WikipediaStub} in its own JVM until SIGINT or
 * SIGTERM, then exits 0. Prints exactly {@code Wikipedia stub listening on http://127.0.0.1:<port>}
 * on stdout once it accepts connections, and nothing else. The {@code capacity} subcommand
 * measures a stub's throughput with the {@link StubLoadDriver}.
 *
 * <p>Bad arguments (unknown options, a negative latency, a fraction outside [0, 1], a port in
 * use) print one line on stderr naming the problem and exit 2; no stack trace.
 */
@Command(name = "parbench stub", mixinStandardHelpOptions = true,
        description = "Serve the Wikipedia stub (WireMock on 127.0.0.1) until SIGINT/SIGTERM.",
        subcommands = StubCommand.Capacity.class)
public final class StubCommand implements Callable<Integer> {

    /** What this command's exit codes mean (see {@link ExitContract}). */
    static final ExitContract EXIT = ExitContract.of("stopped by SIGINT/SIGTERM, or capacity measured", null);

    @Spec
    CommandSpec spec;

    @Mixin
    StubOptions stub;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command wired to the {@link ExitContract}; what {@link #main} runs and tests execute. */
    public static CommandLine commandLine() {
        return EXIT.applyTo(new CommandLine(new StubCommand()));
    }

    @Override
    public Integer call() throws InterruptedException {
        StubConfig config = stub.config(spec, port);
        WikipediaStub server;
        try {
            server = WikipediaStub.start(config);
        } catch (UncheckedIOException e) {
            throw new ParameterException(spec.commandLine(), "port " + port + " is not available: " + e.getCause().getMessage(), e);
        }
        var stopped = new CountDownLatch(1);
        // The JVM runs this on SIGINT/SIGTERM. It stops WireMock cleanly, then halts with 0: a JVM
        // ended by a signal would otherwise exit 130/143, and the stub stopping on request is success.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
            Runtime.getRuntime().halt(0);
        }, "parbench-stub-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wikipedia stub listening on " + server.baseUrl());
        out.flush();
        stopped.await();
        return 0;
    }

    /** The options that shape what the stub serves, shared by serving and in-process measuring. */
    static final class StubOptions {
        @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0", description = "Mean delay of each response, ms, at most 600000 (default: ${DEFAULT-VALUE}).")
        long latencyMillis;

        @Option(names = "--latency-distribution", paramLabel = "fixed|uniform|lognormal", defaultValue = "fixed",
                converter = DistributionConverter.class,
                description = "fixed, uniform (0 to 2 x mean) or lognormal (sigma 0.5) (default: ${DEFAULT-VALUE}).")
        LatencyDistribution distribution;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "" + StubConfig.DEFAULT_SEED, description = "Seeds latency draws and faulty pages (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--corpus-size", paramLabel = "N", defaultValue = "" + StubConfig.DEFAULT_CORPUS_SIZE, description = "Pages served as existing (default: ${DEFAULT-VALUE}).")
        int corpusSize;

        @Option(names = "--missing-fraction", paramLabel = "F", defaultValue = "" + WikiCorpus.DEFAULT_MISSING_FRACTION, description = "Fraction of generated pages that do not exist (default: ${DEFAULT-VALUE}).")
        double missingFraction;

        @Option(names = "--error-fraction", paramLabel = "F", defaultValue = "0", description = "Fraction of pages answered 500 (default: ${DEFAULT-VALUE}).")
        double errorFraction;

        @Option(names = "--reset-fraction", paramLabel = "F", defaultValue = "0", description = "Fraction of pages whose connection is reset (default: ${DEFAULT-VALUE}).")
        double resetFraction;

        @Option(names = "--slow-fraction", paramLabel = "F", defaultValue = "0", description = "Fraction of pages delayed by --slow-ms (default: ${DEFAULT-VALUE}).")
        double slowFraction;

        @Option(names = "--slow-ms", paramLabel = "MS", defaultValue = "30000", description = "Delay of a slow page, ms; beyond the client's time-out (default: ${DEFAULT-VALUE}).")
        long slowMillis;

        @Option(names = "--server-threads", paramLabel = "N", defaultValue = "" + StubConfig.DEFAULT_SERVER_THREADS, description = "Jetty threads (default: ${DEFAULT-VALUE}).")
        int serverThreads;

        @Option(names = "--response-threads", paramLabel = "N", defaultValue = "" + StubConfig.DEFAULT_RESPONSE_THREADS, description = "Threads sending delayed responses (default: ${DEFAULT-VALUE}).")
        int responseThreads;

        /** The configuration these options describe; a bad value is a {@link ParameterException} naming it. */
        StubConfig config(CommandSpec spec, int port) {
            long max = StubConfig.MAX_LATENCY.toMillis();
            if (latencyMillis < 0 || latencyMillis > max) {
                throw new ParameterException(spec.commandLine(),
                        "--latency-ms must be within [0, " + max + "], was " + latencyMillis);
            }
            if (slowMillis <= 0 || slowMillis > max) {
                throw new ParameterException(spec.commandLine(),
                        "--slow-ms must be within [1, " + max + "], was " + slowMillis);
            }
            if (port < 0 || port > 65_535) {
                throw new ParameterException(spec.commandLine(), "--port must be within [0, 65535], was " + port);
            }
            requireFraction(spec, "--missing-fraction", missingFraction);
            requireFraction(spec, "--error-fraction", errorFraction);
            requireFraction(spec, "--reset-fraction", resetFraction);
            requireFraction(spec, "--slow-fraction", slowFraction);
            try {
                return new StubConfig(port, Duration.ofMillis(latencyMillis), new WikiCorpus(missingFraction), corpusSize,
                        distribution, seed,
                        new StubFaults(errorFraction, resetFraction, slowFraction, Duration.ofMillis(slowMillis)),
                        serverThreads, responseThreads);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }

        private static void requireFraction(CommandSpec spec, String option, double value) {
            if (!(value >= 0.0 && value <= 1.0)) {
                throw new ParameterException(spec.commandLine(), option + " must be within [0, 1], was " + value);
            }
        }
    }

    /** Parses {@code fixed}, {@code uniform}, {@code lognormal}, naming the choices when the value is none. */
    static final class DistributionConverter implements CommandLine.ITypeConverter<LatencyDistribution> {
        @Override
        public LatencyDistribution convert(String value) {
            for (LatencyDistribution distribution : LatencyDistribution.values()) {
                if (distribution.cliName().equals(value)) {
                    return distribution;
                }
            }
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a latency distribution (fixed, uniform, lognormal)");
        }
    }

    /**
     * {@code scripts/parbench stub capacity}: measures a stub's throughput, either one already
     * running ({@code --url}, e.g. a {@code scripts/parbench stub} in another JVM) or one started
     * in this JVM from the stub options. Prints one summary line on stdout.
     */
    @Command(name = "capacity", mixinStandardHelpOptions = true,
            description = "Measure a stub's requests per second: --url for a running stub, else one started in-process.")
    static final class Capacity implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        StubOptions stub;

        @Option(names = "--url", paramLabel = "URL", description = "A running stub, e.g. http://127.0.0.1:8080; loopback only. Without it, a stub is started in-process.")
        String url;

        @Option(names = "--in-flight", paramLabel = "N", defaultValue = "256", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
        int inFlight;

        @Option(names = "--duration-s", paramLabel = "S", defaultValue = "10", description = "Measured window, seconds (default: ${DEFAULT-VALUE}).")
        long durationSeconds;

        @Option(names = "--warmup-s", paramLabel = "S", defaultValue = "10", description = "Unmeasured warm-up, seconds (default: ${DEFAULT-VALUE}).")
        long warmupSeconds;

        @Override
        public Integer call() throws InterruptedException {
            if (inFlight < 1 || inFlight > 10_000) {
                throw new ParameterException(spec.commandLine(), "--in-flight must be within [1, 10000], was " + inFlight);
            }
            if (durationSeconds < 1 || durationSeconds > 600) {
                throw new ParameterException(spec.commandLine(), "--duration-s must be within [1, 600], was " + durationSeconds);
            }
            if (warmupSeconds < 0 || warmupSeconds > 600) {
                throw new ParameterException(spec.commandLine(), "--warmup-s must be within [0, 600], was " + warmupSeconds);
            }
            StubCapacity capacity;
            if (url != null) {
                capacity = measure(url);
            } else {
                try (var server = WikipediaStub.start(stub.config(spec, 0))) {
                    capacity = measure(server.baseUrl());
                }
            }
            spec.commandLine().getOut().println(capacity.summary());
            return 0;
        }

        private StubCapacity measure(String baseUrl) throws InterruptedException {
            try {
                return StubLoadDriver.measure(baseUrl, inFlight, Duration.ofSeconds(warmupSeconds),
                        Duration.ofSeconds(durationSeconds), StubLoadDriver.DEFAULT_MAX_REQUESTS);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage(), e);
            }
        }
    }
}
