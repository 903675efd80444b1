package parbench.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** One exit-code contract for every command: 0 done, 1 finding, 2 bad input or usage, 3 internal error. */
class ExitContractTest {

    /** A user's input the command cannot use. */
    static final class UnusableInput extends Exception {
        UnusableInput(String message) {
            super(message);
        }
    }

    @Command(name = "parbench demo", mixinStandardHelpOptions = true, subcommands = Demo.Child.class)
    static final class Demo implements Callable<Integer> {
        @Option(names = "--outcome", paramLabel = "done|finding|bad|bug")
        String outcome = "done";

        @Override
        public Integer call() throws UnusableInput {
            return switch (outcome) {
                case "done" -> 0;
                case "finding" -> 1;
                case "bad" -> throw new UnusableInput("input.json: not JMH JSON\n(line 1)");
                default -> throw new IllegalStateException("a bug, deep down");
            };
        }

        @Command(name = "child", mixinStandardHelpOptions = true)
        static final class Child implements Callable<Integer> {
            @Override
            public Integer call() {
                return 0;
            }
        }
    }

    private static final ExitContract CONTRACT = ExitContract.of("demo done", "demo found something")
            .withCode(130, "interrupted")
            .withBadInput(UnusableInput.class::isInstance);

    private record Run(int exitCode, String out, String err) {}

    private static Run execute(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var commandLine = CONTRACT.applyTo(new CommandLine(new Demo()))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), out.toString(), err.toString());
    }

    @Test
    void doneAndFindingPassThrough() {
        assertThat(execute().exitCode()).isEqualTo(ExitContract.DONE);
        assertThat(execute("--outcome", "finding").exitCode()).isEqualTo(ExitContract.FINDING);
    }

    @Test
    void usageErrorExitsTwoWithOneLineNamingTheCommand() {
        Run run = execute("--bogus");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("parbench demo: Unknown option: '--bogus'" + System.lineSeparator());
    }

    @Test
    void badInputExitsTwoWithItsMessageOnOneLine() {
        Run run = execute("--outcome", "bad");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("parbench demo: input.json: not JMH JSON (line 1)" + System.lineSeparator());
    }

    @Test
    void internalErrorExitsThreeWithOneLineNamingTheLogThatHoldsTheStackTrace() throws Exception {
        Run run = execute("--outcome", "bug");

        assertThat(run.exitCode()).isEqualTo(3);
        var line = Pattern.compile("parbench demo: internal error: java.lang.IllegalStateException: a bug, deep down;"
                + " stack trace in (\\S+\\.log)" + Pattern.quote(System.lineSeparator()));
        var matcher = line.matcher(run.err());
        assertThat(matcher.matches()).as(run.err()).isTrue();
        Path log = Path.of(matcher.group(1));
        try {
            assertThat(Files.readString(log)).contains("a bug, deep down").contains("at parbench.report.cli.");
        } finally {
            Files.delete(log);
        }
    }

    @Test
    void helpListsEveryCode() {
        Run run = execute("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit codes:")
                .containsPattern("0 +demo done")
                .containsPattern("1 +demo found something")
                .containsPattern("2 +bad input or usage: one line on stderr, nothing written")
                .containsPattern("3 +internal error: one line on stderr naming the log file")
                .containsPattern("130 +interrupted");
    }

    @Test
    void versionNamesTheCommandAndThisBuildsVersion() {
        assertThat(execute("-V").out()).matches("parbench demo \\d+\\.\\d+\\.\\d+\\S*" + System.lineSeparator());
        assertThat(execute("child", "-V").out()).startsWith("parbench demo child ");
    }
}
