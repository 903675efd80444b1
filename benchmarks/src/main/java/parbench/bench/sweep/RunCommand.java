package parbench.bench.sweep;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import parbench.workload.cli.ExitContract;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code parbench run}: the core-count sweep's command line. Parses and validates the options,
 * then hands a {@link SweepSettings} to {@link Sweep}. User errors print one line on stderr and
 * exit 2; SIGINT/SIGTERM stop the sweep cleanly (the JVM then exits 130/143).
 *
 * <p>The same command, named {@code parbench python} ({@link #pythonCommandLine}), runs the seed
 * article's Python harness alone through the same sweep: same core counts, taskset, stub, run
 * directory and manifest, so the two sides differ only in what they measure.
 */
@Command(name = "parbench run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Runs the JMH benchmarks once per core count, each in a fresh JVM pinned with taskset to"
                + " that many CPUs and started with -XX:ActiveProcessorCount, and writes cores-<c>.json,"
                + " jmh-cores-<c>.log and manifest.json into the run directory.")
public final class RunCommand implements Callable<Integer> {

    /** What {@code run}'s and {@code python}'s exit codes mean (see {@link ExitContract}). */
    static final ExitContract EXIT = ExitContract.of("every core count finished",
                    "a core count failed (see its log) or could not start")
            .withCode(130, "interrupted by SIGINT (Ctrl-C); finished core counts kept, manifest says which")
            .withCode(143, "interrupted by SIGTERM; as for 130");

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Where {@code --jfr} puts the forks' recordings, inside the run directory. */
    static final String JFR_DIRECTORY = "jfr";

    @Spec
    private CommandSpec spec;

    @Option(names = "--profile", paramLabel = "smoke|quick|full", defaultValue = "quick",
            description = "how hard to measure (default: ${DEFAULT-VALUE})")
    private String profile;

    @Option(names = "--cores", paramLabel = "LIST",
            description = "core counts, e.g. 1,2 (default: the planner's: 1 and N always, powers of two between"
                    + " and more while the budget allows)")
    private String cores;

    @Option(names = "--budget", paramLabel = "TIME",
            description = "wall-time budget the plan must fit by its estimate, e.g. 90s, 30m, 1h30m, or none"
                    + " (default: the profile's: smoke 2m, quick 10m, full none)")
    private String budget;

    @Option(names = "--dry-run", description = "print the plan and its estimate; run nothing, write no run directory")
    private boolean dryRun;

    @Option(names = "--assume-processors", paramLabel = "N",
            description = "with --dry-run: plan for a machine of N processors instead of this one")
    private Integer assumeProcessors;

    @Option(names = "--plan-json", paramLabel = "FILE",
            description = "write the plan as JSON: profile, processors, coreCounts, estimatedSeconds, points")
    private Path planJson;

    @Option(names = "--include", paramLabel = "REGEX", defaultValue = ".*",
            description = "benchmarks to run, a JMH regex (default: all); with --with-python also searched in the"
                    + " Python side's benchmark and model names")
    private String include;

    @Option(names = "--out", paramLabel = "DIR",
            description = "run directory (default: results/<yyyyMMdd-HHmmss>-<host>, and results/latest points at it)")
    private Path out;

    @Option(names = "--stub-latency-ms", paramLabel = "D",
            description = "latency of the Wikipedia stub in milliseconds, also passed as -p latencyMillis"
                    + " (default: the profile's, listed below)")
    private Long stubLatencyMillis;

    @Option(names = "--no-taskset", description = "do not pin with taskset (records active-processor-count-only)")
    private boolean noTaskset;

    @Option(names = "--classpath", paramLabel = "PATH", hidden = true,
            description = "classpath holding the benchmarks (default: the jar holding this command)")
    private String classpath;

    @Option(names = "--with-python",
            description = "after each core count's JMH run, run the seed article's Python (scripts/python) at the same"
                    + " core count, CPUs and stub, into python-cores-<c>.json (needs /usr/bin/python3 with"
                    + " python3-joblib, python3-tqdm, python3-requests, python3-numba; an interpreter without"
                    + " one skips its models)")
    private boolean withPython;

    @Option(names = "--python", paramLabel = "PATH",
            description = "the Python interpreter of the harness, repeatable: each one measures every core count,"
                    + " its rows in the same python-cores-<c>.json told apart by the python param (e.g. a"
                    + " free-threaded python3.13t beside /usr/bin/python3); implies --with-python"
                    + " (default: /usr/bin/python3)")
    private List<Path> pythons = new ArrayList<>();

    @Option(names = "--jfr",
            description = "record each JMH fork's measured iterations with Java Flight Recorder: a .jfr file per"
                    + " fork in <run>/jfr/ and its summary as jfr.* secondary metrics (see docs/jfr.md)")
    private boolean jfr;

    @Option(names = "--python-interpreter", paramLabel = "COMMAND", hidden = true,
            description = "the interpreter and its flags, space-separated (default: /usr/bin/python3 -B)")
    private String pythonInterpreter;

    @Parameters(paramLabel = "JMH_OPTION", arity = "0..*", description = "after --: extra JMH options")
    private List<String> jmhOptions = new ArrayList<>();

    private final boolean pythonOnly;

    private RunCommand(boolean pythonOnly) {
        this.pythonOnly = pythonOnly;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with its one-line error handling; what {@link #main} executes. */
    public static CommandLine commandLine() {
        return commandLine(false);
    }

    /** {@code parbench python}: the sweep with the Python harness only; what {@link PythonCommand} executes. */
    public static CommandLine pythonCommandLine() {
        return commandLine(true);
    }

    private static CommandLine commandLine(boolean pythonOnly) {
        var commandLine = new CommandLine(new RunCommand(pythonOnly));
        String name = pythonOnly ? "parbench python" : "parbench run";
        commandLine.setCommandName(name);
        if (pythonOnly) {
            // what only the JMH side takes is not an option of parbench python: picocli then names it as unknown
            CommandSpec python = commandLine.getCommandSpec();
            python.remove(python.findOption("--with-python"));
            python.remove(python.findOption("--jfr"));
            python.remove(python.positionalParameters().getFirst());
            var include = python.findOption("--include");
            python.remove(include);
            python.addOption(include.toBuilder().description("regex searched in the benchmark and model names,"
                    + " e.g. 'CpuBenchmark|py-sequential' (default: all)").build());
            python.usageMessage().description(
                    "Runs the seed article's Python approaches (py-*, scripts/python) once per core count, each"
                            + " under taskset on that many CPUs, against the sweep's Wikipedia stub, and writes"
                            + " python-cores-<c>.json, python-cores-<c>.log and manifest.json into the run directory."
                            + " 'scripts/parbench python outputs ...' runs one batch and prints its outputs.");
        }
        if (!pythonOnly) {
            commandLine.getCommandSpec().usageMessage().footerHeading("%nProfiles (what each passes to JMH):%n")
                    .footer(profileLines());
        }
        return EXIT.applyTo(commandLine);
    }

    /** Two help lines per profile: its name and stub latency, then its JMH options and parameters. */
    private static String[] profileLines() {
        return Arrays.stream(SweepProfile.values())
                .flatMap(profile -> Stream.of("  %-6s (stub latency %d ms)".formatted(profile.profileName(),
                        profile.stubLatencyMillis()), "         " + String.join(" ", profile.jmhOptions())
                        + new TreeMap<>(profile.params()).entrySet().stream()
                                .map(param -> " -p " + param.getKey() + "=" + param.getValue())
                                .collect(Collectors.joining())))
                .toArray(String[]::new);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        var passThrough = new JmhPassThrough(jmhOptions);
        if (passThrough.lists()) {
            return listOnTheConsole();
        }
        SweepSettings validated = settings();
        SweepPlan plan;
        try {
            plan = Planner.plan(validated);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        var console = new PrintStream(System.out, true);
        if (planJson != null) {
            plan.writeJson(planJson.toAbsolutePath());
        }
        if (dryRun) {
            Sweep.announce(console, validated, plan);
            for (SweepPlan.CoreCount count : plan.coreCounts()) {
                console.printf("  %d core%s: %d JMH run%s, %d points%n", count.cores(), count.cores() == 1 ? " " : "s",
                        count.runs().size(), count.runs().size() == 1 ? "" : "s", count.points());
            }
            return Sweep.OK;
        }
        String name = spec.commandLine().getCommandName();
        // one sweep per machine, taken before the run directory exists: a refused sweep leaves nothing
        SweepLock held;
        try {
            held = SweepLock.acquire(SweepLock.path(),
                    name + " " + String.join(" ", spec.commandLine().getParseResult().originalArgs()));
        } catch (SweepLock.HeldException e) {
            // two sweeps on the same CPUs measure each other: refused, in one line naming the holder
            spec.commandLine().getErr().println(name + ": " + e.getMessage());
            return Sweep.CORE_COUNT_FAILED;
        }
        try (var lock = held) {
            boolean existed = Files.isDirectory(validated.runDirectory());
            SweepSettings settings = validated.withRunDirectory(createRunDirectory(validated.runDirectory(),
                    out == null));
            var sweep = new Sweep(settings, plan, console);
            Thread hook = Thread.ofPlatform().unstarted(() -> sweep.interrupt(Duration.ofSeconds(60)));
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                return sweep.run();
            } catch (IllegalArgumentException e) {
                // refused before it measured (nothing selected): the directory made for it goes too
                if (!existed || out == null) {
                    deleteIfEmpty(settings.runDirectory());
                }
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // the JVM is already shutting down: the hook is running and waits for this sweep
                }
            }
        }
    }

    private static void deleteIfEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            // left as it is: the error that refused the sweep is the one to report
        }
    }

    /**
     * Creates the run directory. The default name ({@code <yyyyMMdd-HHmmss>-<host>}) gets a
     * {@code -2}, {@code -3}, ... suffix when a run of the same second has it: creating a directory
     * is atomic, so two runs never share one. A given {@code --out} may exist if it holds no run.
     */
    private Path createRunDirectory(Path wanted, boolean defaultName) {
        try {
            if (!defaultName) {
                return Files.createDirectories(wanted);
            }
            Files.createDirectories(wanted.getParent());
            for (int attempt = 1; ; attempt++) {
                Path candidate = attempt == 1 ? wanted : wanted.resolveSibling(wanted.getFileName() + "-" + attempt);
                try {
                    return Files.createDirectory(candidate);
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // a run started in the same second: try the next suffix
                }
            }
        } catch (IOException e) {
            String reason = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                    ? fs.getReason() : e.getMessage();
            throw new ParameterException(spec.commandLine(), "cannot create the run directory " + wanted + ": "
                    + (e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name exists" : reason), e);
        }
    }

    private SweepSettings settings() {
        SweepProfile chosen;
        CoreSet coreSet;
        Duration chosenBudget;
        int processors = CpuAffinity.ofCurrentProcess().map(CpuAffinity::size)
                .orElse(Runtime.getRuntime().availableProcessors());
        if (assumeProcessors != null) {
            if (!dryRun) {
                throw new ParameterException(spec.commandLine(), "--assume-processors plans for another machine;"
                        + " use it with --dry-run");
            }
            if (assumeProcessors < 1) {
                throw new ParameterException(spec.commandLine(), "--assume-processors must be at least 1, not "
                        + assumeProcessors);
            }
            processors = assumeProcessors;
        }
        try {
            chosen = SweepProfile.named(profile);
            coreSet = cores == null ? null : CoreSet.parse(cores, processors);
            chosenBudget = budget == null ? chosen.budget().orElse(null) : Budget.parse(budget);
            new JmhPassThrough(jmhOptions).refuseSweepOwned();
            new JmhPassThrough(jmhOptions).ignoredJvmArgs(chosen.timing().with(jmhOptions).forks())
                    .ifPresent(warning -> spec.commandLine().getErr().println(spec.name() + ": " + warning));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        long latency = stubLatencyMillis != null ? stubLatencyMillis : chosen.stubLatencyMillis();
        if (latency < 0) {
            throw new ParameterException(spec.commandLine(), "--stub-latency-ms must be at least 0, not " + latency);
        }
        for (int i = 0; i + 1 < jmhOptions.size(); i++) {
            if (jmhOptions.get(i).equals("-p") && jmhOptions.get(i + 1).startsWith(SweepProfile.LATENCY_PARAM + "=")) {
                throw new ParameterException(spec.commandLine(), "set the stub's latency with --stub-latency-ms, not -p "
                        + jmhOptions.get(i + 1) + " (the stub and the benchmark must agree)");
            }
        }
        Path runDirectory;
        Path latest = null;
        if (out != null) {
            runDirectory = out.toAbsolutePath();
        } else {
            Path results = Path.of("results").toAbsolutePath();
            runDirectory = results.resolve(LocalDateTime.now().format(RUN_NAME) + "-" + MachineFacts.host());
            latest = results.resolve("latest");
        }
        if (Files.exists(runDirectory) && !Files.isDirectory(runDirectory)) {
            throw new ParameterException(spec.commandLine(), "--out " + runDirectory + " is a file, not a directory");
        }
        if (runDirectory.startsWith("/proc") || runDirectory.startsWith("/sys")) {
            throw new ParameterException(spec.commandLine(), "--out " + runDirectory
                    + " is inside a kernel file system; choose a directory on a disk");
        }
        try {
            java.util.regex.Pattern.compile(include);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(), "--include '" + include + "' is not a regular expression: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        if (!dryRun && Files.exists(runDirectory.resolve("manifest.json"))) {
            throw new ParameterException(spec.commandLine(), "run directory " + runDirectory
                    + " already holds a run; choose another --out");
        }
        String benchmarkClasspath = classpath != null ? classpath : ownClasspath();
        var harnesses = new ArrayList<PythonHarness>();
        if (pythonOnly || withPython || !pythons.isEmpty()) {
            PythonHarness checkout = PythonHarness.ofCheckout(ownClasspath());
            if (pythonInterpreter != null) {
                harnesses.add(new PythonHarness(List.of(pythonInterpreter.strip().split("\\s+")), checkout.script()));
            }
            for (Path python : pythons) {
                if (!Files.isRegularFile(python) || !Files.isExecutable(python)) {
                    throw new ParameterException(spec.commandLine(), "--python " + python + " is not an executable file");
                }
                harnesses.add(checkout.under(python));
            }
            if (harnesses.isEmpty()) {
                harnesses.add(checkout);
            }
        }
        var options = new ArrayList<>(jmhOptions);
        if (jfr) {
            options.addAll(List.of("-prof", parbench.bench.jfr.FlightRecorderProfiler.class.getName() + ":dir="
                    + runDirectory.resolve(JFR_DIRECTORY)));
        }
        return new SweepSettings(chosen, coreSet, processors, chosenBudget, include, runDirectory, latest, options,
                MachineFacts.javaLauncher(), benchmarkClasspath, latency, !noTaskset, !pythonOnly, harnesses);
    }

    /** {@code run -- -l} and the like: JMH itself on the console, over the benchmarks {@code --include} selects. */
    private int listOnTheConsole() throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(MachineFacts.javaLauncher().toString(), "-cp",
                classpath != null ? classpath : ownClasspath(), "org.openjdk.jmh.Main"));
        command.addAll(jmhOptions);
        command.add(include);
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var output = jmh.inputReader(StandardCharsets.UTF_8)) {
            PrintWriter out = spec.commandLine().getOut();
            output.transferTo(out);
            out.flush();
            return jmh.waitFor();
        } finally {
            ProcessTree.destroy(jmh);
        }
    }

    /** The jar (or classes directory) this command was loaded from: benchmarks.jar when launched by the script. */
    private static String ownClasspath() {
        try {
            return Path.of(RunCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("locating the jar of " + RunCommand.class.getName(), e);
        }
    }
}
