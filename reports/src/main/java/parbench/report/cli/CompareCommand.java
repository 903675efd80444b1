package parbench.report.cli;

import parbench.report.compare.ComparisonFormat;
import parbench.report.compare.HardwareMode;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.jmh.BadInputException;
import parbench.report.output.OutputSet;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;
import parbench.report.run.UnfinishedRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code parbench compare BASELINE CANDIDATE [--threshold 5%] [--alpha 0.01] [--run-noise 25%]
 * [--mode auto|same-hardware|cross-hardware] [--format text|markdown|json|html] [-o FILE] [--thresholds FILE]}: does the candidate run regress on the baseline?
 * Made for CI: the exit code is the answer, the output's first line says which mode was used and why, the next ones which evidence the verdicts rest on.
 * Exit codes: 0 no regression; 1 at least one regression; 2 bad input or usage (one line on stderr, nothing
 * written); 3 internal error (stack trace in a log file), as {@link ExitContract} wires it.
 */
@Command(name = "parbench compare", mixinStandardHelpOptions = true,
        description = {"Compares candidate run(s) with baseline run(s): the ratio of each figure with a confidence interval"
                + " from a hierarchical bootstrap (forks, then iterations) or, with at least 2 runs a side, from the"
                + " spread of the runs (Welch's t). A change counts when its interval excludes 1 and it exceeds the"
                + " threshold; with one run on a side also the run-to-run allowance (--run-noise).",
                "BASELINE and CANDIDATE are run directories or JMH JSON files; or repeat --baseline/--candidate to"
                        + " pool several runs on a side."})
public final class CompareCommand implements Callable<Integer> {

    static final int REGRESSION = ExitContract.FINDING;
    static final int BAD_INPUT = ExitContract.BAD_INPUT;
    static final int INTERNAL_ERROR = ExitContract.INTERNAL_ERROR;
    /** What this command's exit codes mean. */
    static final ExitContract EXIT = ExitContract.of("no regression", "at least one regression, or a broken candidate (lost or non-finite results)")
            .withBadInput(BadInputException.class::isInstance);
    private static final String NAME = "parbench compare: ";

    @Parameters(arity = "0..2", paramLabel = "BASELINE CANDIDATE",
            description = "the baseline and the candidate: run directories or JMH JSON files")
    List<Path> positional = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "RUN", description = "a baseline run; repeat to pool several")
    List<Path> baselines = new ArrayList<>();

    @Option(names = "--candidate", paramLabel = "RUN", description = "a candidate run; repeat to pool several")
    List<Path> candidates = new ArrayList<>();

    @CommandLine.Mixin
    VerdictOptions verdict = new VerdictOptions();

    @Option(names = "--run-noise", paramLabel = "PERCENT", converter = OptionConverters.Percent.class,
            description = "run-to-run allowance: with one run on a side, a change counts only beyond this"
                    + " (default: 25%%, measured on unchanged reruns; see docs/compare.md)")
    double runNoise = RunComparison.DEFAULT_RUN_NOISE;

    @Option(names = "--resamples", paramLabel = "N",
            description = "bootstrap resamples for an interval near a decision, at least 100 (default: ${DEFAULT-VALUE})")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--no-pilot", description = "resample every row --resamples times (default: 199 first, and"
            + " --resamples only for rows the pilot leaves undecided; docs/compare.md, \"How fast\")")
    boolean noPilot;

    @Option(names = "--seed", paramLabel = "SEED",
            description = "bootstrap seed; the same input and seed always give the same output (default: ${DEFAULT-VALUE})")
    long seed = Bootstrap.DEFAULT_SEED;

    @Option(names = "--mode", paramLabel = "MODE", converter = OptionConverters.Mode.class,
            description = "auto, same-hardware or cross-hardware (default: auto)")
    HardwareMode mode = HardwareMode.AUTO;

    @Option(names = "--format", paramLabel = "FORMAT", converter = OptionConverters.Comparison.class,
            description = "text, markdown, json or html (default: text)")
    ComparisonFormat format = ComparisonFormat.TEXT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (atomically) instead of stdout")
    Path output;

    @Option(names = "--strict", description = "refuse a run directory whose sweep never finished (default: warn)")
    boolean strict;

    @Option(names = "--allow-removed", description = "results missing from a candidate whose manifest records a"
            + " failure are intended removals, not lost points (default: they fail the comparison)")
    boolean allowRemoved;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) throws InterruptedException {
        // while picocli builds the command (about 0.15 s on a fresh JVM), the other core warms the comparison up
        Thread warmUp = CompareWarmUp.startFor(args);
        int code = execute(args);
        // the JVM's exit may write the launcher's CDS archive, which crashes HotSpot (25.0.3) while another thread is
        // still linking lambdas: nothing but this thread runs when it exits
        if (warmUp != null) {
            warmUp.join();
        }
        System.exit(code);
    }

    /** Runs the command as {@link #main} does, without exiting; returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command with its output and error streams given; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return EXIT.applyTo(new CommandLine(new CompareCommand()).setOut(out).setErr(err)).execute(args);
    }

    @Override
    public Integer call() throws BadInputException, IOException {
        List<Path> baselineRuns = new ArrayList<>(baselines);
        List<Path> candidateRuns = new ArrayList<>(candidates);
        if (positional.size() == 2) {
            baselineRuns.add(0, positional.get(0));
            candidateRuns.add(0, positional.get(1));
        } else if (!positional.isEmpty()) {
            throw usage("give BASELINE and CANDIDATE, or --baseline and --candidate (found only " + positional.get(0) + ")");
        }
        if (baselineRuns.isEmpty() || candidateRuns.isEmpty()) {
            throw usage("give BASELINE and CANDIDATE, or at least one --baseline and one --candidate");
        }
        double alpha = verdict.alpha();
        if (resamples < 100) {
            throw usage("--resamples must be at least 100, found " + resamples);
        }
        Thresholds thresholds = verdict.thresholds();
        List<RunInput> before;
        List<RunInput> after;
        // The two sides are read at once: parsing the JSON is most of a large comparison's time.
        try (ExecutorService readers = Executors.newFixedThreadPool(2)) {
            Future<List<RunInput>> candidateLoad = readers.submit(() -> load(candidateRuns));
            before = load(baselineRuns);
            after = result(candidateLoad);
        }

        UnfinishedRuns.check(before, strict, "parbench compare", spec.commandLine().getErr());
        UnfinishedRuns.check(after, strict, "parbench compare", spec.commandLine().getErr());
        RunComparison comparison = RunComparison.of(before, after, mode, alpha, thresholds, runNoise,
                noPilot ? new Bootstrap(resamples, seed).withoutPilot() : new Bootstrap(resamples, seed));

        PrintWriter err = spec.commandLine().getErr();
        // a broken candidate fails whatever its timings: its failures come first, one line each
        List<String> failures = CandidateFailures.of(comparison, after, allowRemoved);
        failures.forEach(failure -> err.println(NAME + "FAILED: " + failure));
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            format.renderer().render(comparison, out);
            if (out.checkError()) { // a PrintWriter keeps write errors to itself: closed stdout, /dev/full
                throw new BadInputException(Path.of("standard output"),
                        "cannot write (closed, or no space left on device)");
            }
        } else {
            var inputs = new ArrayList<Path>(baselineRuns);
            inputs.addAll(candidateRuns);
            if (verdict.thresholdsFile != null) {
                inputs.add(verdict.thresholdsFile);
            }
            new OutputSet(inputs).add(output,
                    format == ComparisonFormat.JSON ? OutputSet.Check.JSON : OutputSet.Check.NONE,
                    out -> format.renderer().render(comparison, out)).write();
            err.println(NAME + comparison.mode().line());
            err.println(NAME + comparison.countsLine() + "; wrote " + output);
        }
        return comparison.hasRegression() || !failures.isEmpty() ? REGRESSION : 0;
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static List<RunInput> result(Future<List<RunInput>> load) throws BadInputException {
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the candidate runs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BadInputException bad) {
                throw bad;
            }
            throw new IllegalStateException("reading the candidate runs", e.getCause());
        }
    }

    private static List<RunInput> load(List<Path> paths) throws BadInputException {
        List<RunInput> runs = new ArrayList<>(paths.size());
        for (Path path : paths) {
            runs.add(RunInput.load(path));
        }
        return runs;
    }
}
