package parbench.report.cli;

import parbench.report.compare.ComparisonFormat;
import parbench.report.compare.HardwareMode;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Thresholds;
import parbench.report.jmh.JmhJsonReader;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;
import parbench.report.stats.Bootstrap;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A small comparison made and rendered into nothing, on another thread while picocli parses {@code compare}'s
 * arguments: a fresh JVM spends its first 0.15 s there on one core, and in that time the other loads and initialises
 * the reader's, the statistics' and the renderer's classes and has C1 compile their loops, which the real comparison
 * would otherwise wait for. It reads no file, writes nothing and shares no state with the real comparison but the
 * JDK's caches (the quantile cache of {@code Replicates} is a pure function's), so the output is the same with or
 * without it ({@code CompareOutputPinnedTest}).
 */
final class CompareWarmUp {

    private CompareWarmUp() {}

    /**
     * Starts the warm-up for a command line that will compare (not for {@code --help} or {@code --version}, which
     * would wait for it); returns its thread, or null when it did not start. A failure of the warm-up is the real
     * comparison's to report, so the thread keeps quiet about its own.
     */
    static Thread startFor(String[] args) {
        for (String arg : args) {
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return null;
            }
        }
        return Thread.ofPlatform().daemon().name("parbench-warm-up").start(() -> {
            try {
                run();
            } catch (RuntimeException e) {
                // only a warm-up: whatever broke here breaks the comparison too, which says so
            }
        });
    }

    static void run() {
        RunComparison comparison = RunComparison.of(List.of(side("warm-up-a", 1.0)), List.of(side("warm-up-b", 1.02)),
                HardwareMode.SAME_HARDWARE, 0.01, Thresholds.uniform(0.05), RunComparison.DEFAULT_RUN_NOISE,
                Bootstrap.standard());
        try {
            ComparisonFormat.TEXT.renderer().render(comparison, new PrintWriter(Writer.nullWriter()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a null writer does not fail
        }
    }

    private static RunInput side(String name, double score) {
        Path source = Path.of(name + ".json");
        return new RunInput(source, name, Optional.empty(),
                List.of(new ResultSet(source, OptionalInt.empty(), false, JmhJsonReader.warmUp(200, score))));
    }
}
