package parbench.report.jmh;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The JMH JSON fixtures under {@code src/test/resources/jmh/}. */
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
}
