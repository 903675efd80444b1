package parbench.report.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fault tests of one command observed, case by case, written as one JSON file under
 * {@code target/reliability/} when the test class ends: the figures of {@code docs/reliability.md}
 * come from these files ({@code scripts/reliability-figures}), never from a hand. Each case is
 * recorded before it is asserted, so a failing case is counted as what it did. Not thread-safe:
 * one test class, run sequentially, owns one ledger.
 */
public final class FaultLedger {

    /** One bad input or fault: what was done and what the command did. */
    public record Case(String name, int exitCode, int stderrLines, boolean stackTrace, int filesLeft) {
        /** Exit 2 with one line on stderr and no stack trace: the contract for a bad input. */
        public boolean oneLineExit2() {
            return exitCode == 2 && stderrLines == 1 && !stackTrace;
        }
    }

    private final String command;
    private final String kind;
    private final List<Case> cases = new ArrayList<>();

    /**
     * @param command the CLI command, e.g. {@code report}
     * @param kind    {@code bad-input} (each should exit 2 with one line) or another group of faults
     */
    public FaultLedger(String command, String kind) {
        this.command = command;
        this.kind = kind;
    }

    /** Records a case; {@code filesLeft} counts files the command left that were not there before. */
    public Case record(String name, int exitCode, String stderr, int filesLeft) {
        var c = new Case(name, exitCode, (int) stderr.lines().count(),
                stderr.contains("Exception") || stderr.contains("\tat "), filesLeft);
        cases.add(c);
        return c;
    }

    /** Writes {@code target/reliability/<command>-<kind>.json} (the module's target directory). */
    public void write() {
        var json = new StringBuilder();
        json.append("{\"command\": \"").append(command).append("\", \"kind\": \"").append(kind)
                .append("\", \"tried\": ").append(cases.size())
                .append(", \"oneLineExit2\": ").append(cases.stream().filter(Case::oneLineExit2).count())
                .append(", \"leftFiles\": ").append(cases.stream().filter(c -> c.filesLeft() > 0).count())
                .append(", \"cases\": [");
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            json.append(i == 0 ? "\n  " : ",\n  ")
                    .append("{\"name\": \"").append(c.name().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\", \"exit\": ").append(c.exitCode())
                    .append(", \"stderrLines\": ").append(c.stderrLines())
                    .append(", \"stackTrace\": ").append(c.stackTrace())
                    .append(", \"filesLeft\": ").append(c.filesLeft()).append('}');
        }
        json.append("\n]}\n");
        try {
            Path dir = Path.of("target", "reliability");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(command + "-" + kind + ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the fault ledger of " + command, e);
        }
    }

    /** Every file under {@code dir}, recursively, as a sorted list of relative names. */
    public static List<String> filesUnder(Path dir) {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + dir, e);
        }
    }
}
