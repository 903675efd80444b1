package parbench.report.timing;

import parbench.report.cli.CompareCommand;
import parbench.report.compare.HardwareMode;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.fixture.SyntheticComparison;
import parbench.report.fixture.SyntheticComparison.Spec;
import parbench.report.run.RunInput;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the README's compare figure on SYNTHETIC input: two JMH JSON files of 10,000 results with 10 raw samples
 * each (same distribution, seeds 1 and 2). Five timed runs after one warm-up of (a) the whole command in-process
 * (load both files + compare + write the text table) and (b) {@link RunComparison#of} alone on loaded inputs.
 * Run: {@code java -cp <test classpath> parbench.report.timing.CompareTiming target/compare-timing}.
 */
public final class CompareTiming {

    private CompareTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/compare-timing");
        Files.createDirectories(dir);
        Spec spec = new Spec(10_000, "avgt", "ms/op", 1.0, 0.02, 10, 1);
        Path baseline = dir.resolve("baseline.json");
        Path candidate = dir.resolve("candidate.json");
        SyntheticComparison.write(baseline, spec);
        SyntheticComparison.write(candidate, spec.withSeed(2));
        Path out = dir.resolve("compare.txt");
        List<Long> command = new ArrayList<>();
        List<Long> compareOnly = new ArrayList<>();
        List<RunInput> b = List.of(RunInput.load(baseline));
        List<RunInput> c = List.of(RunInput.load(candidate));
        for (int i = 0; i <= 5; i++) {
            long start = System.nanoTime();
            int code = CompareCommand.execute(baseline.toString(), candidate.toString(), "-o", out.toString());
            long took = (System.nanoTime() - start) / 1_000_000;
            if (code != 0) {
                throw new IllegalStateException("compare exited " + code);
            }
            start = System.nanoTime();
            RunComparison comparison = RunComparison.of(b, c, HardwareMode.AUTO, 0.01, Thresholds.uniform(0.05));
            long tookCompare = (System.nanoTime() - start) / 1_000_000;
            if (comparison.rows().size() != 10_000) {
                throw new IllegalStateException("expected 10,000 rows, got " + comparison.rows().size());
            }
            if (i == 0) {
                System.out.println("first (cold) run: command " + took + " ms, compare only " + tookCompare + " ms");
            } else {
                command.add(took);
                compareOnly.add(tookCompare);
            }
        }
        System.out.printf("10,000 results x 10 samples per side (%d + %d bytes): command in-process %s ms (median %d);"
                        + " RunComparison.of alone %s ms (median %d)%n", Files.size(baseline), Files.size(candidate),
                command, median(command), compareOnly, median(compareOnly));
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
