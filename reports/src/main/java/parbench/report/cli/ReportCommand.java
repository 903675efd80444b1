package parbench.report.cli;

import parbench.report.analysis.SpeedupTable;
import parbench.report.html.HtmlReport;
import parbench.report.jmh.BadInputException;
import parbench.report.markdown.MarkdownSummary;
import parbench.report.run.RunInput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code parbench report INPUT... [-o FILE] [--markdown summary.md] [--title T]}: one self-contained HTML page
 * (and optionally a Markdown summary) from run directories and JMH JSON files.
 * Exit codes: 0 written; 2 bad input or usage (one line on stderr, nothing written); 1 internal error.
 */
@Command(name = "parbench report", mixinStandardHelpOptions = true, version = "parbench report 0.1.0",
        description = "Renders run directories and JMH JSON files into one self-contained HTML report.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:report written", "1:internal error", "2:bad input or usage: one line on stderr, no file written"})
public final class ReportCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;

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
        return new CommandLine(new ReportCommand())
                .setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(e -> e instanceof BadInputException ? BAD_INPUT : 1)
                .setParameterExceptionHandler((e, a) -> {
                    e.getCommandLine().getErr().println("parbench report: " + e.getMessage());
                    return BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof BadInputException bad) {
                        cmd.getErr().println("parbench report: " + bad.getMessage());
                        return BAD_INPUT;
                    }
                    throw e;
                })
                .execute(args);
    }

    @Override
    public Integer call() throws BadInputException, IOException {
        List<RunInput> loaded = new ArrayList<>();
        for (Path input : inputs) {
            loaded.add(RunInput.load(input));
        }
        SpeedupTable table = SpeedupTable.of(loaded);
        Path output = this.output != null ? this.output : besideTheInput(inputs.getFirst());
        HtmlReport report = new HtmlReport();
        AtomicFile.write(output, out -> report.render(title, table, out));
        if (markdown != null) {
            AtomicFile.write(markdown, out -> out.write(MarkdownSummary.render(title, table)));
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("parbench report: wrote " + output + (markdown == null ? "" : " and " + markdown)
                + " (" + table.rows().size() + " results from " + loaded.size() + " input"
                + (loaded.size() == 1 ? "" : "s") + ")");
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

    /** Writes a file completely or not at all: a temp file beside the target, then an atomic rename. */
    static final class AtomicFile {

        interface Content {
            void writeTo(Writer out) throws IOException;
        }

        private AtomicFile() {
        }

        static void write(Path target, Content content) throws IOException, BadInputException {
            Path absolute = target.toAbsolutePath();
            Path dir = absolute.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new BadInputException(target, "cannot write: the directory " + dir + " does not exist");
            }
            Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            try {
                try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    content.writeTo(out);
                }
                try {
                    Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the temp file already has the user's default ACL
                }
                Files.move(temp, absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
