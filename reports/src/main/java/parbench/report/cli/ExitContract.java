package parbench.report.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The exit-code contract every {@code parbench} command keeps, and the picocli wiring that keeps
 * it: 0 done; 1 the finding the user asked about (a regression, a failed point); 2 bad input or
 * usage, one line on stderr; 3 internal error, one line on stderr naming a log file that holds
 * the stack trace. {@link #applyTo} also prints the contract in {@code --help} and makes
 * {@code -V} print {@code <command> <version>}.
 *
 * <p>A copy of {@code parbench.workload.cli.ExitContract} (stub, run, python): the reports module
 * depends on no other module, by design. Keep the two alike.
 *
 * <p>A value; {@link #applyTo} configures the given command line and its subcommands.
 *
 * @param done       what exit 0 means for this command, e.g. "every core count finished"
 * @param finding    what exit 1 means, or null when the command has no finding to report
 * @param more       further codes the command returns (e.g. 130 for SIGINT), code to meaning
 * @param isBadInput which exceptions thrown while running are the user's input, not a bug (exit 2)
 */
public record ExitContract(String done, String finding, Map<Integer, String> more, Predicate<Throwable> isBadInput) {

    public static final int DONE = 0;
    public static final int FINDING = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL_ERROR = 3;

    public ExitContract {
        more = Map.copyOf(more);
    }

    /** A contract whose only bad input is a picocli usage error. */
    public static ExitContract of(String done, String finding) {
        return new ExitContract(done, finding, Map.of(), e -> false);
    }

    public ExitContract withCode(int code, String meaning) {
        var codes = new LinkedHashMap<>(more);
        codes.put(code, meaning);
        return new ExitContract(done, finding, codes, isBadInput);
    }

    public ExitContract withBadInput(Predicate<Throwable> badInput) {
        return new ExitContract(done, finding, more, badInput);
    }

    /** The {@code --help} section: code to meaning, in code order. */
    public Map<String, String> helpLines() {
        var lines = new LinkedHashMap<String, String>();
        lines.put("0", done);
        lines.put("1", finding == null ? "(not used)" : finding);
        lines.put("2", "bad input or usage: one line on stderr, nothing written");
        lines.put("3", "internal error: one line on stderr naming the log file with the stack trace");
        more.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(code -> lines.put(String.valueOf(code.getKey()), code.getValue()));
        return lines;
    }

    /**
     * Wires {@code commandLine} and every subcommand: usage errors and bad input print one line
     * prefixed with the command's name and return 2; any other exception is written with its stack
     * trace to a new {@code parbench-*.log} in {@code java.io.tmpdir}, named in one stderr line,
     * and returns 3. Call it once the subcommands are added.
     *
     * @return {@code commandLine}
     */
    public CommandLine applyTo(CommandLine commandLine) {
        String name = commandLine.getCommandName();
        describe(commandLine, version());
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println(name + ": " + oneLine(e.getMessage()));
            return BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            PrintWriter err = cl.getErr();
            if (isBadInput.test(e)) {
                err.println(name + ": " + oneLine(e.getMessage()));
                return BAD_INPUT;
            }
            err.println(name + ": internal error: " + oneLine(String.valueOf(e)) + "; " + log(name, e));
            return INTERNAL_ERROR;
        });
        return commandLine;
    }

    private void describe(CommandLine commandLine, String version) {
        CommandSpec spec = commandLine.getCommandSpec();
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(helpLines());
        String name = spec.qualifiedName();
        spec.versionProvider(() -> new String[]{name + " " + version});
        commandLine.getSubcommands().values().forEach(sub -> describe(sub, version));
    }

    /** Writes {@code e}'s stack trace to a new log file; returns where, or why it could not. */
    private static String log(String command, Throwable e) {
        try {
            Path file = Files.createTempFile("parbench-" + command.replaceAll("[^A-Za-z0-9]+", "-") + "-", ".log");
            try (var out = new PrintWriter(Files.newBufferedWriter(file))) {
                e.printStackTrace(out);
            }
            return "stack trace in " + file;
        } catch (IOException | UncheckedIOException logFailed) {
            e.printStackTrace();
            return "the stack trace is above (no log file: " + logFailed.getMessage() + ")";
        }
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : parbench.report.output.InertText.of(message.replaceAll("\\s+", " ").strip());
    }

    /** This build's version, from the Maven-filtered {@code version.properties} beside this class. */
    static String version() {
        try (InputStream in = ExitContract.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "(version unknown: version.properties missing from the class path)";
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            throw new UncheckedIOException("reading version.properties of " + ExitContract.class.getName(), e);
        }
    }
}
