package parbench.report.jmh;

import java.nio.file.Path;
import java.util.List;

/** The results of one JMH JSON file, in file order (repeats kept). */
public record JmhResultFile(Path source, List<BenchmarkResult> results) {

    public JmhResultFile {
        results = List.copyOf(results);
    }
}
