package parbench.report.jmh;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The JMH JSON fixtures under {@code src/test/resources/jmh/}, and the run directories under {@code run/}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path jmh(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/jmh/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + name, e);
        }
    }

    /** A run directory under {@code src/test/resources/run/}; each has a README.md saying how it was made. */
    public static Path run(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/run/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no run fixture " + name, e);
        }
    }
}
