package parbench.report.jmh;

import java.nio.file.Path;

/**
 * A user's input cannot be used: a missing file, a file that is not JMH JSON, an empty result array.
 * The message is one line naming the file and the reason, control characters escaped ({@link
 * parbench.report.output.InertText}); the CLI prints it and exits 2.
 */
public final class BadInputException extends Exception {

    public BadInputException(Path file, String reason) {
        super(parbench.report.output.InertText.of(file + ": " + reason));
    }

    public BadInputException(Path file, String reason, Throwable cause) {
        super(parbench.report.output.InertText.of(file + ": " + reason), cause);
    }
}
