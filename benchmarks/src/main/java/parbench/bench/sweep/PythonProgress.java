package parbench.bench.sweep;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finished points in the Python harness's output. The harness prints one line per point, scored
 * or failed, as {@code [cores 2] CpuBenchmark model=py-thread-pool parallelism=2 tasks=32 work=50000:
 * 41.2 ± 3.1 ms/op}; its other lines (affinity, stub, file written) are not points. Stateless.
 */
final class PythonProgress {

    private static final Pattern POINT = Pattern.compile("^\\[cores \\d+] (\\w+Benchmark .*)$");

    private PythonProgress() {}

    /** The point a line reports, as the console shows it, or empty for any other line. */
    static Optional<String> point(String line) {
        Matcher m = POINT.matcher(line);
        return m.matches() ? Optional.of("python " + m.group(1)) : Optional.empty();
    }
}
