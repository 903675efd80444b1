package parbench.report.timing;

import parbench.report.cli.ReportCommand;
import parbench.report.fixture.SyntheticRun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the README's rendering figure: {@code parbench report} on SYNTHETIC input of about 5,000 results
 * (load + analyse + render + write, in-process, after one warm-up), five times.
 * Run: {@code java -cp <test classpath> parbench.report.timing.RenderTiming target/timing}.
 */
public final class RenderTiming {

    private RenderTiming() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/timing");
        Path run = dir.resolve("synthetic-run-large");
        int results = SyntheticRun.write(run, SyntheticRun.Size.LARGE);
        Path html = dir.resolve("report-large.html");
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            long start = System.nanoTime();
            int code = ReportCommand.execute(run.toString(), "-o", html.toString());
            long took = (System.nanoTime() - start) / 1_000_000;
            if (code != 0) {
                throw new IllegalStateException("report exited " + code);
            }
            if (i > 0) {
                millis.add(took);
            } else {
                System.out.println("first (cold) render: " + took + " ms");
            }
        }
        System.out.printf("rendered %d synthetic results to %s (%d bytes): %s ms; median %d ms%n", results, html,
                Files.size(html), millis, millis.stream().sorted().toList().get(millis.size() / 2));
    }
}
