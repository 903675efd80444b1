package parbench.report.compare;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link RunComparison} in one format. Implementations are stateless and thread-safe. */
public interface ComparisonRenderer {

    void render(RunComparison comparison, Writer out) throws IOException;
}
