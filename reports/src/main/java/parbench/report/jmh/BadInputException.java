package parbench.report.jmh;

import java.nio.file.Path;

/**
 * A user's input cannot be used: a missing file, a file that is not JMH JSON, an empty result array.
 * The message is one line naming the file and the reason; the CLI prints it and exits 2.
 */
public final class BadInputException extends Exception {

    public BadInputException(Path file, String reason) {
        super(file + ": " + reason);
    }

    public BadInputException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
    }
}
