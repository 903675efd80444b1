package parbench.report.run;

import parbench.report.jmh.BadInputException;
import parbench.report.output.InertText;

import java.io.PrintWriter;
import java.util.List;

/**
 * The inputs whose sweep never finished: their manifest was written at the start with status
 * {@code running} and never got its {@code finishedAt} (still running, or the sweep was killed),
 * so their results may be missing points. {@code report} and {@code compare} warn in one line per
 * such input, or refuse them under {@code --strict}. Stateless.
 */
public final class UnfinishedRuns {

    private UnfinishedRuns() {}

    /**
     * Warns about, or with {@code strict} refuses, every unfinished run among {@code inputs}.
     *
     * @param command the prefix of the warning, e.g. {@code parbench report}
     * @throws BadInputException under {@code strict}, naming the first unfinished run
     */
    public static void check(List<RunInput> inputs, boolean strict, String command, PrintWriter err)
            throws BadInputException {
        for (RunInput input : inputs) {
            if (input.manifest().isEmpty() || !input.manifest().get().unfinished()) {
                continue;
            }
            String reason = "the run never finished (its manifest has no finishedAt: the sweep is still running"
                    + " or was killed), so points may be missing";
            if (strict) {
                throw new BadInputException(input.source(), reason + "; refused under --strict");
            }
            err.println(InertText.of(command + ": warning: " + input.source() + ": " + reason));
        }
    }
}
