package parbench.report.cli;

import parbench.report.output.OutputSet;
import parbench.report.ab.AbAnalysis;
import parbench.report.ab.AbRecord;
import parbench.report.ab.AbSession;
import parbench.report.ab.ForkOrder;
import parbench.report.ab.JmhFork;
import parbench.report.ab.JmhOptions;
import parbench.report.ab.RefBuild;
import parbench.report.compare.ComparisonFormat;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.jmh.BadInputException;
import parbench.report.stats.Bootstrap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code parbench ab --base A.jar | --base-ref REF --candidate B.jar [--include REGEX]... [--budget 10m]
 * [--base-opts OPTS] [--candidate-opts OPTS] [--jmh-opts OPTS] [--threshold 5%] [--alpha 0.01]
 * [--order random|alternate] [--format text|markdown|json] [-o FILE] [--markdown FILE] [--out DIR]}: the CI gate.
 * Both builds run on this machine, one JMH fork of every selected point at a time, interleaved, so that drift hits
 * both alike; the verdict is a paired test on fork-level ratios ({@link AbAnalysis}). Exit codes as compare: 0 no
 * regression; 1 at least one regression; 2 bad input or usage (one line on stderr); 3 internal error or a JMH run
 * that failed (one line on stderr naming its log).
 */
@Command(name = "parbench ab", mixinStandardHelpOptions = true, version = "parbench ab 0.1.0", sortOptions = false,
        description = {"Runs two builds' benchmarks on this machine in interleaved pairs of forks and compares them"
                + " pair by pair: the ratio candidate/base of each point with a hierarchical bootstrap interval and a"
                + " Wilcoxon signed-rank p. Stops when every interval is narrower than the threshold, or at the budget."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no regression", "1:at least one regression", "2:bad input or usage: one line on stderr",
                "3:internal error or a failed JMH run"})
public final class AbCommand implements Callable<Integer> {

    static final int REGRESSION = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;
    private static final String NAME = "parbench ab: ";
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)");

    @Option(names = "--base", paramLabel = "JAR", description = "the base build's benchmarks jar")
    Path base;

    @Option(names = "--base-ref", paramLabel = "REF",
            description = "build the base jar from this commit in a temporary git worktree instead of --base")
    String baseRef;

    @Option(names = "--candidate", paramLabel = "JAR", required = true, description = "the candidate build's benchmarks jar")
    Path candidate;

    @Option(names = "--include", paramLabel = "REGEX", description = "benchmarks to run, a JMH regex; repeat for more (default: all)")
    List<String> include = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "DURATION", defaultValue = "10m",
            description = "wall time for the session: 10m, 90s, 1h, or ISO-8601 (default: ${DEFAULT-VALUE})")
    String budget;

    @Option(names = "--jmh-opts", paramLabel = "OPTS", defaultValue = "-wi 2 -w 500ms -i 5 -r 500ms",
            description = "JMH options for both sides (default: '${DEFAULT-VALUE}'); -f, -rf, -rff are ab's")
    String jmhOpts;

    @Option(names = "--base-opts", paramLabel = "OPTS", defaultValue = "",
            description = "JMH options for the base only, after --jmh-opts: '-p taskMillis=10', '-jvmArgs ...'")
    String baseOpts;

    @Option(names = "--candidate-opts", paramLabel = "OPTS", defaultValue = "",
            description = "JMH options for the candidate only, after --jmh-opts")
    String candidateOpts;

    @Option(names = "--threshold", paramLabel = "PERCENT", converter = OptionConverters.Percent.class,
            description = "smallest change that counts, and the interval width that stops the session (default: 5%%)")
    double threshold = 0.05;

    @Option(names = "--alpha", paramLabel = "P", description = "significance level (default: ${DEFAULT-VALUE})")
    double alpha = 0.01;

    @Option(names = "--min-pairs", paramLabel = "N", description = "pairs before stopping early (default: ${DEFAULT-VALUE})")
    int minPairs = 5;

    @Option(names = "--max-pairs", paramLabel = "N", description = "pairs at most (default: ${DEFAULT-VALUE})")
    int maxPairs = 30;

    @Option(names = "--order", paramLabel = "ORDER", defaultValue = "random",
            description = "random (randomised blocks: a seeded coin per pair) or alternate (A B A B) (default: ${DEFAULT-VALUE})")
    String order;

    @Option(names = "--seed", paramLabel = "SEED", description = "seed of the order and the bootstrap (default: ${DEFAULT-VALUE})")
    long seed = Bootstrap.DEFAULT_SEED;

    @Option(names = "--fork-timeout", paramLabel = "DURATION", defaultValue = "15m",
            description = "how long one fork of everything may take (default: ${DEFAULT-VALUE})")
    String forkTimeout;

    @Option(names = "--format", paramLabel = "FORMAT", converter = OptionConverters.Comparison.class,
            description = "text, markdown, json or html (default: text)")
    ComparisonFormat format = ComparisonFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (atomically) instead of stdout")
    Path output;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write the markdown (for $GITHUB_STEP_SUMMARY)")
    Path markdown;

    @Option(names = "--out", paramLabel = "DIR",
            description = "keep every fork's JSON and log and the record ab-forks.json here (default: a temporary folder, removed)")
    Path out;

    @Option(names = "--maven", paramLabel = "COMMAND", defaultValue = "mvn",
            description = "Maven command for --base-ref, with its own options, e.g. 'mvn -o' (default: ${DEFAULT-VALUE})")
    String maven;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command with its output and error streams given; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return new CommandLine(new AbCommand())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println(NAME + e.getMessage().replaceAll("\\s+", " ").trim());
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof BadInputException bad) {
                        cmd.getErr().println(NAME + bad.getMessage().replaceAll("\\s+", " ").trim());
                        return BAD_INPUT;
                    }
                    if (e instanceof IOException io) {
                        cmd.getErr().println(NAME + String.valueOf(io.getMessage()).replaceAll("\\s+", " ").trim());
                        return INTERNAL_ERROR;
                    }
                    throw e;
                })
                .setExitCodeExceptionMapper(e -> INTERNAL_ERROR)
                .execute(args);
    }

    @Override
    public Integer call() throws BadInputException, IOException, InterruptedException {
        if ((base == null) == (baseRef == null)) {
            throw usage("give exactly one of --base JAR and --base-ref REF");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw usage("--alpha must be between 0 and 1 (exclusive), found " + alpha);
        }
        if (minPairs < AbAnalysis.MIN_PAIRS || maxPairs < minPairs) {
            throw usage("need " + AbAnalysis.MIN_PAIRS + " <= --min-pairs <= --max-pairs, found " + minPairs + " and "
                    + maxPairs);
        }
        Duration sessionBudget = duration("--budget", budget);
        Duration timeout = duration("--fork-timeout", forkTimeout);
        ForkOrder forkOrder = parse(() -> ForkOrder.parse(order));
        JmhOptions common = parse(() -> JmhOptions.parse(jmhOpts));
        JmhOptions baseOnly = parse(() -> JmhOptions.parse(baseOpts));
        JmhOptions candidateOnly = parse(() -> JmhOptions.parse(candidateOpts));
        for (JmhOptions o : List.of(common, baseOnly, candidateOnly)) {
            for (String a : o.arguments()) {
                if (a.equals("-f") || a.equals("-rf") || a.equals("-rff")) {
                    throw usage(a + " is set by ab (one fork per pair, JSON results); remove it from the options");
                }
            }
        }
        requireJar(candidate, "--candidate");
        if (base != null) {
            requireJar(base, "--base");
        }
        PrintWriter err = spec.commandLine().getErr();
        Path workDir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("parbench-ab-");
        try {
            Path baseJar = base;
            String baseLabel = base == null ? "" : base.toString();
            if (baseRef != null) {
                err.println(NAME + "building the benchmarks of " + baseRef + " in a temporary git worktree");
                baseJar = new RefBuild(Path.of("").toAbsolutePath(), JmhOptions.parse(maven).arguments(),
                        Duration.ofMinutes(30)).build(baseRef, workDir.resolve("base.jar"), workDir.resolve("base-build.log"));
                baseLabel = baseRef + " (" + baseJar + ")";
            }
            String baseDescription = baseLabel + options(common.then(baseOnly));
            String candidateDescription = candidate + options(common.then(candidateOnly));
            AbRecord record = new AbRecord(baseOnly.paramsDifferingFrom(candidateOnly));
            AbAnalysis analysis = new AbAnalysis(alpha, Thresholds.uniform(threshold), new Bootstrap(
                    Bootstrap.DEFAULT_RESAMPLES, seed));
            AbSession session = new AbSession(new JmhFork(javaExecutable(), timeout), baseJar, candidate, include,
                    common.then(baseOnly).arguments(), common.then(candidateOnly).arguments(), forkOrder, seed,
                    sessionBudget, minPairs, maxPairs, workDir, System::nanoTime);
            RunComparison comparison;
            try {
                comparison = session.run(record, analysis, baseDescription, candidateDescription, err);
            } finally {
                if (out != null) {
                    String json = record.toJson();
                    new OutputSet(List.of()).add(workDir.resolve("ab-forks.json"), OutputSet.Check.NONE, w -> w.write(json)).write();
                }
            }
            if (markdown != null) {
                new OutputSet(List.of()).add(markdown, OutputSet.Check.NONE, w -> ComparisonFormat.MARKDOWN.renderer().render(comparison, w)).write();
            }
            if (output == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                format.renderer().render(comparison, stdout);
                stdout.flush();
            } else {
                new OutputSet(List.of()).add(output, OutputSet.Check.NONE, w -> format.renderer().render(comparison, w)).write();
                err.println(NAME + comparison.countsLine() + "; wrote " + output);
            }
            return comparison.hasRegression() ? REGRESSION : 0;
        } finally {
            if (out == null) {
                deleteTree(workDir);
            }
        }
    }

    private static String options(JmhOptions options) {
        return options.arguments().isEmpty() ? "" : " with " + String.join(" ", options.arguments());
    }

    private void requireJar(Path jar, String option) throws BadInputException {
        if (!Files.isRegularFile(jar)) {
            throw new BadInputException(jar, option + ": no such jar");
        }
    }

    private <T> T parse(java.util.function.Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** {@code 10m}, {@code 90s}, {@code 500ms}, {@code 1h}, or ISO-8601 ({@code PT10M}). */
    private Duration duration(String option, String text) {
        Matcher m = SHORT_DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
            if (!d.isZero()) {
                return d;
            }
        }
        try {
            Duration d = Duration.parse(text.trim());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException ignored) {
            // fall through to the usage error, which names the value
        }
        throw usage(option + ": '" + text + "' is not a positive duration (expected e.g. 10m, 90s, PT10M)");
    }

    private static Path javaExecutable() {
        return ProcessHandle.current().info().command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
