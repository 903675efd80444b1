package parbench.report.cli;

import parbench.report.analysis.SpeedupTable;
import parbench.report.html.HtmlReport;
import parbench.report.jmh.BadInputException;
import parbench.report.markdown.MarkdownSummary;
import parbench.report.output.InertText;
import parbench.report.output.OutputSet;
import parbench.report.run.RunInput;
import parbench.report.run.UnfinishedRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parbench report INPUT... [-o FILE] [--markdown summary.md] [--title T]}: one self-contained HTML page
 * (and optionally a Markdown summary) from run directories and JMH JSON files.
 * Exit codes: 0 written; 2 bad input or usage (one line on stderr, nothing written); 3 internal error (stack
 * trace in a log file), as {@link ExitContract} wires it.
 */
@Command(name = "parbench report", mixinStandardHelpOptions = true,
        description = "Renders run directories and JMH JSON files into one self-contained HTML report.")
public final class ReportCommand implements Callable<Integer> {

    static final int BAD_INPUT = ExitContract.BAD_INPUT;
    /** What this command's exit codes mean. */
    static final ExitContract EXIT = ExitContract.of("report written", null)
            .withBadInput(BadInputException.class::isInstance);

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "a run directory (cores-<c>.json + manifest.json) or a JMH JSON file; several appear side by side")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "HTML output (default: report.html next to the first INPUT: inside a run directory, "
                    + "beside a JSON file)")
    Path output;

    @Option(names = "--markdown", paramLabel = "FILE", description = "also write a Markdown summary (findings + main table)")
    Path markdown;

    @Option(names = "--title", paramLabel = "T", description = "page title (default: ${DEFAULT-VALUE})")
    String title = "parbench report";

    @Option(names = "--strict", description = "refuse a run directory whose sweep never finished (default: warn)")
    boolean strict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command as {@link #main} does, without exiting; returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command with its output and error streams given; returns the exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return EXIT.applyTo(new CommandLine(new ReportCommand()).setOut(out).setErr(err)).execute(args);
    }

    @Override
    public Integer call() throws BadInputException, IOException {
        List<RunInput> loaded = new ArrayList<>();
        for (Path input : inputs) {
            loaded.add(RunInput.load(input));
        }
        UnfinishedRuns.check(loaded, strict, "parbench report", spec.commandLine().getErr());
        SpeedupTable table = SpeedupTable.of(loaded);
        Path output = this.output != null ? this.output : besideTheInput(inputs.getFirst());
        HtmlReport report = new HtmlReport();
        // all or none, never over an input (OutputSet)
        var outputs = new OutputSet(inputs).add(output, OutputSet.Check.NONE, out -> report.render(title, table, out));
        if (markdown != null) {
            outputs.add(markdown, OutputSet.Check.NONE, out -> out.write(MarkdownSummary.render(title, table)));
        }
        outputs.write();
        PrintWriter err = spec.commandLine().getErr();
        err.println(InertText.of("parbench report: wrote " + output + (markdown == null ? "" : " and " + markdown)
                + " (" + table.rows().size() + " results from " + loaded.size() + " input"
                + (loaded.size() == 1 ? "" : "s") + ")"));
        return 0;
    }

    /** {@code report.html} inside a run directory, or in the folder of a JSON file. */
    static Path besideTheInput(Path input) {
        if (Files.isDirectory(input)) {
            return input.resolve("report.html");
        }
        Path parent = input.toAbsolutePath().getParent();
        return parent == null ? Path.of("report.html") : parent.resolve("report.html");
    }
}
