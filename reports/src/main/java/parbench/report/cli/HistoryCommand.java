package parbench.report.cli;

import parbench.report.output.OutputSet;
import parbench.report.compare.ComparisonFormat;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.history.BadDatabaseException;
import parbench.report.history.ChangeDetector;
import parbench.report.history.ChangeFormat;
import parbench.report.history.ChangePoint;
import parbench.report.history.DatabaseLocation;
import parbench.report.history.HistoryCheck;
import parbench.report.history.HistoryDatabase;
import parbench.report.history.HistoryPage;
import parbench.report.history.HistoryStore;
import parbench.report.history.IncomingRun;
import parbench.report.history.Series;
import parbench.report.history.SeriesFilter;
import parbench.report.jmh.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code parbench history ingest|report|changes|check [--db URL]}: runs over time, per testbed, in a database
 * (an SQLite file by default, PostgreSQL for a team). Exit codes: 0 done (check: no regression); 1 check found a
 * regression; 2 bad input, bad {@code --db} or usage (one line on stderr, nothing stored or written); 3 internal or
 * database error.
 */
@Command(name = "parbench history", mixinStandardHelpOptions = true, version = "parbench history 0.1.0",
        description = {"Keeps every run in a database with its raw samples; trends per testbed, change points"
                + " (E-divisive means), and a CI gate against the past.",
                "--db takes jdbc:sqlite:FILE, jdbc:postgresql://HOST:PORT/DB?user=U or a file path (SQLite);"
                        + " default: $" + DatabaseLocation.ENVIRONMENT + ", else " + DatabaseLocation.DEFAULT_FILE},
        subcommands = {HistoryCommand.Ingest.class, HistoryCommand.Report.class, HistoryCommand.Changes.class,
                HistoryCommand.Check.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done (check: no regression)", "1:check: at least one regression",
                "2:bad input, bad --db or usage: one line on stderr, nothing stored or written",
                "3:internal or database error"})
public final class HistoryCommand implements Callable<Integer> {

    static final int REGRESSION = 1;
    static final int BAD_INPUT = 2;
    static final int INTERNAL_ERROR = 3;
    private static final String NAME = "parbench history: ";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command as {@link #main} does, without exiting; returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(), args);
    }

    /** Runs the command with its streams and environment given; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args) {
        CommandLine line = new CommandLine(new HistoryCommand(), new CommandLine.IFactory() {
            private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = defaults.create(type);
                if (made instanceof DatabaseOption db) {
                    db.environment = environment;
                }
                return made;
            }
        });
        return line.setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> bad(e) ? BAD_INPUT : INTERNAL_ERROR)
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println(NAME + oneLine(e.getMessage()));
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (bad(e)) {
                        cmd.getErr().println(NAME + oneLine(e.getMessage()));
                        return BAD_INPUT;
                    }
                    if (e instanceof SQLException sql) {
                        cmd.getErr().println(NAME + "database error: " + oneLine(String.valueOf(sql.getMessage())));
                        return INTERNAL_ERROR;
                    }
                    throw e;
                })
                .execute(args);
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println(NAME + "give a subcommand: ingest, report, changes or check"
                + " (see --help)");
        return BAD_INPUT;
    }

    private static boolean bad(Throwable e) {
        return e instanceof BadInputException || e instanceof BadDatabaseException;
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s+", " ").trim();
    }

    /** {@code --db}, shared by every subcommand. */
    static class DatabaseOption {
        @Option(names = "--db", paramLabel = "URL",
                description = "jdbc:sqlite:FILE, jdbc:postgresql://HOST:PORT/DB?user=U, or a file path (SQLite);"
                        + " default: $PARBENCH_DB, else results/history.sqlite")
        String db;

        Map<String, String> environment = System.getenv();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        HistoryStore open() throws BadDatabaseException {
            return new HistoryStore(HistoryDatabase.open(DatabaseLocation.resolve(db, environment)));
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }

        CommandLine.ParameterException usage(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }
    }

    /** The series options of report and changes. */
    static class SeriesOptions extends DatabaseOption {
        @Option(names = "--testbed", paramLabel = "NAME", description = "only this testbed; repeat for several")
        List<String> testbeds = new ArrayList<>();

        @Option(names = "--include", paramLabel = "REGEX",
                description = "only series whose name (benchmark, mode, params, cores) matches")
        String include;

        @Option(names = "--branch", paramLabel = "B", description = "only runs of this branch (default: every run)")
        String branch;

        SeriesFilter filter() {
            Optional<Pattern> pattern = Optional.empty();
            if (include != null) {
                try {
                    pattern = Optional.of(Pattern.compile(include));
                } catch (PatternSyntaxException e) {
                    throw usage("--include '" + include + "' is not a regular expression: " + e.getDescription());
                }
            }
            return new SeriesFilter(testbeds, pattern, Optional.ofNullable(branch));
        }
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = {"Stores runs with every raw sample: run directories (the manifest gives testbed, commit and"
                    + " time) or JMH JSON files (--testbed required).",
                    "Idempotent: a run already stored is skipped. Every INPUT is read first, so a bad one stores"
                            + " nothing."})
    static final class Ingest extends DatabaseOption implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "INPUT", description = "run directories or JMH JSON files")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--testbed", paramLabel = "NAME", description = "the testbed's name instead of the manifest's fingerprint")
        String testbed;

        @Option(names = "--commit", paramLabel = "SHA", description = "the commit measured (default: the manifest's)")
        String commit;

        @Option(names = "--branch", paramLabel = "B", description = "the branch measured")
        String branch;

        @Option(names = "--time", paramLabel = "ISO", description = "when it ran (default: the manifest's startedAt, else now)")
        String time;

        @Override
        public Integer call() throws BadInputException, BadDatabaseException, SQLException {
            var overrides = new IncomingRun.Overrides(Optional.ofNullable(testbed), Optional.ofNullable(commit),
                    Optional.ofNullable(branch), Optional.ofNullable(time));
            Instant now = Instant.now();
            List<IncomingRun> runs = new ArrayList<>();
            for (Path input : inputs) {
                runs.add(IncomingRun.read(input, overrides, now));
            }
            HistoryStore store = open();
            for (IncomingRun run : runs) {
                HistoryStore.Outcome outcome = store.ingest(run);
                int results = run.input().results().size();
                out().println((outcome == HistoryStore.Outcome.STORED ? "stored " : "already stored ")
                        + run.input().source() + ": testbed " + run.testbed().name() + ", commit "
                        + (run.commit() == null ? "unknown" : run.commit()) + ", " + results + " result"
                        + (results == 1 ? "" : "s") + ", run " + run.id().substring(0, 12));
            }
            out().flush();
            return 0;
        }
    }

    @Command(name = "changes", mixinStandardHelpOptions = true,
            description = "The change points of every series (E-divisive means, Matteson & James 2014): text or JSON.")
    static final class Changes extends SeriesOptions implements Callable<Integer> {
        @Option(names = "--format", paramLabel = "FORMAT", converter = OptionConverters.Changes.class,
                description = "text or json (default: text)")
        ChangeFormat format = ChangeFormat.TEXT;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (atomically) instead of stdout")
        Path output;

        @Override
        public Integer call() throws BadDatabaseException, SQLException, IOException, BadInputException {
            SeriesFilter filter = filter();
            HistoryStore store = open();
            List<Series> series = store.series(filter);
            List<ChangePoint> changes = ChangeDetector.standard().find(series);
            if (output == null) {
                format.write(changes, series.size(), out());
                out().flush();
            } else {
                new OutputSet(List.of()).add(output, OutputSet.Check.NONE, w -> format.write(changes, series.size(), w)).write();
                err().println(NAME + changes.size() + " change point" + (changes.size() == 1 ? "" : "s") + " in "
                        + series.size() + " series; wrote " + output);
            }
            return 0;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = "One self-contained HTML page: trends per testbed with interval bands, change points,"
                    + " speedup and efficiency across testbeds.")
    static final class Report extends SeriesOptions implements Callable<Integer> {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "HTML output (default: ${DEFAULT-VALUE})")
        Path output = Path.of("history.html");

        @Option(names = "--title", paramLabel = "T", description = "page title (default: ${DEFAULT-VALUE})")
        String title = "parbench history";

        @Override
        public Integer call() throws BadDatabaseException, SQLException, IOException, BadInputException {
            SeriesFilter filter = filter();
            HistoryStore store = open();
            List<Series> series;
            List<ChangePoint> changes;
            HistoryPage page;
            // the page's template and chart library load on another core while the series are read (one thread)
            try (ExecutorService loader = Executors.newSingleThreadExecutor()) {
                Future<HistoryPage> pageLoad = loader.submit(HistoryPage::new);
                series = store.series(filter);
                changes = ChangeDetector.standard().find(series);
                page = loaded(pageLoad);
            }
            new OutputSet(List.of()).add(output, OutputSet.Check.NONE, w -> page.render(title, series, changes, w)).write();
            err().println(NAME + "wrote " + output + " (" + series.size() + " series, " + changes.size()
                    + " change point" + (changes.size() == 1 ? "" : "s") + ")");
            return 0;
        }
    }

    private static HistoryPage loaded(Future<HistoryPage> load) {
        try {
            return load.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the history page's template", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("loading the history page's template", e.getCause());
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"The CI gate against history: CANDIDATE (a run directory or JMH JSON file) against the last K"
                    + " runs of the baseline branch on the same testbed; their run-to-run spread is the noise.",
                    "Same exit codes and formats as compare."})
    static final class Check extends DatabaseOption implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CANDIDATE", description = "the run to check (not stored)")
        Path candidate;

        @Option(names = "--window", paramLabel = "K", description = "baseline runs (default: ${DEFAULT-VALUE})")
        int window = 10;

        @Option(names = "--baseline-branch", paramLabel = "B", description = "the branch of the baseline runs (default: ${DEFAULT-VALUE})")
        String baselineBranch = "main";

        @Option(names = "--testbed", paramLabel = "NAME", description = "the candidate's testbed name (required for a JMH JSON file)")
        String testbed;

        @CommandLine.Mixin
        VerdictOptions verdict = new VerdictOptions();

        @Option(names = "--format", paramLabel = "FORMAT", converter = OptionConverters.Comparison.class,
                description = "text, markdown, json or html (default: text)")
        ComparisonFormat format = ComparisonFormat.TEXT;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (atomically) instead of stdout")
        Path output;

        @Override
        public Integer call() throws BadInputException, BadDatabaseException, SQLException, IOException {
            if (window < 1) {
                throw usage("--window must be at least 1, found " + window);
            }
            double alpha = verdict.alpha();
            Thresholds thresholds = verdict.thresholds();
            var overrides = new IncomingRun.Overrides(Optional.ofNullable(testbed), Optional.empty(),
                    Optional.empty(), Optional.empty());
            IncomingRun run = IncomingRun.read(candidate, overrides, Instant.now());
            HistoryStore store = open();
            HistoryCheck.Outcome outcome = new HistoryCheck(window, baselineBranch, alpha, thresholds).check(store, run);
            if (outcome.comparison().isEmpty()) {
                out().println(NAME + outcome.line());
                out().flush();
                return 0;
            }
            RunComparison comparison = outcome.comparison().get();
            if (output == null) {
                format.renderer().render(comparison, out());
                out().flush();
            } else {
                new OutputSet(List.of()).add(output, OutputSet.Check.NONE, w -> format.renderer().render(comparison, w)).write();
                err().println(NAME + comparison.mode().line());
                err().println(NAME + comparison.countsLine() + "; wrote " + output);
            }
            return comparison.hasRegression() ? REGRESSION : 0;
        }
    }
}
