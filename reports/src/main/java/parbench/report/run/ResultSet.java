package parbench.report.run;

import parbench.report.jmh.BenchmarkResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The results of one JMH JSON file inside an input, with the core count it ran at when that is known
 * (from a {@code cores-<c>.json} / {@code python-cores-<c>.json} name or the manifest).
 */
public record ResultSet(Path file, OptionalInt cores, boolean python, List<BenchmarkResult> results) {

    public ResultSet {
        results = List.copyOf(results);
    }

    public Optional<Integer> coresBoxed() {
        return cores.isPresent() ? Optional.of(cores.getAsInt()) : Optional.empty();
    }
}
