package parbench.report.timing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import parbench.report.cli.HistoryCommand;
import parbench.report.history.SyntheticHistory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures docs/history.md's speed targets, in-process, five timed runs after one cold one:
 * <ol>
 *   <li>{@code history ingest} of 100 quick run directories: copies of the REAL quick run
 *       {@code src/test/resources/run/python-and-jvm} (140 results) whose manifests differ only in commit and time, so
 *       each is a new run;</li>
 *   <li>{@code history changes --format json} and {@code history report} over 1,000 SYNTHETIC runs × 200 series
 *       (2 forks × 5 iterations each; a fifth of the series step up 10 % at run 600).</li>
 * </ol>
 * The ingest database is recreated for every timed run. Run:
 * {@code java -cp <test classpath> parbench.report.timing.HistoryTiming target/history-timing [--db JDBC_URL]}
 * (with {@code --db} a PostgreSQL URL, the large history goes there instead of an SQLite file; it must be empty).
 * The large database stays behind for timing the real CLI: {@code time scripts/parbench history changes --db
 * target/history-timing/large.sqlite --format json -o /tmp/changes.json}.
 */
public final class HistoryTiming {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Path QUICK_RUN = Path.of("src/test/resources/run/python-and-jvm");

    private HistoryTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/history-timing");
        String largeDb = args.length > 2 && args[1].equals("--db") ? args[2] : dir.resolve("large.sqlite").toString();
        Files.createDirectories(dir);

        List<String> quickRuns = quickRuns(dir.resolve("quick"), 100);
        List<Long> ingest = new ArrayList<>();
        for (int i = 0; i <= 5; i++) {
            Path db = dir.resolve("ingest-" + i + ".sqlite");
            Files.deleteIfExists(db);
            List<String> command = new ArrayList<>(List.of("ingest", "--db", db.toString()));
            command.addAll(quickRuns);
            long took = timed(command);
            if (i > 0) {
                ingest.add(took);
            } else {
                System.out.println("ingest of 100 quick runs, first (cold): " + took + " ms");
            }
            Files.deleteIfExists(db);
        }
        System.out.printf("ingest of 100 quick run directories (140 results each): %s ms (median %d)%n", ingest,
                median(ingest));

        if (!largeDb.startsWith("jdbc:postgresql") && Files.exists(Path.of(largeDb))) {
            System.out.println("reusing " + largeDb);
        } else {
            long took = ingestLarge(dir.resolve("large"), largeDb);
            System.out.println("built 1,000 runs x 200 series in " + took + " ms (not a target)");
        }
        for (String[] command : List.of(
                new String[]{"changes", "--db", largeDb, "--format", "json", "-o", dir.resolve("changes.json").toString()},
                new String[]{"report", "--db", largeDb, "-o", dir.resolve("history.html").toString()})) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i <= 5; i++) {
                long took = timed(List.of(command));
                if (i > 0) {
                    times.add(took);
                } else {
                    System.out.println(command[0] + " over 1,000 runs x 200 series, first (cold): " + took + " ms");
                }
            }
            System.out.printf("%s over 1,000 runs x 200 series: %s ms (median %d)%n", command[0], times, median(times));
        }
    }

    private static long timed(List<String> command) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int code = HistoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                command.toArray(String[]::new));
        long took = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException("history " + command.get(0) + " exited " + code + ": " + err);
        }
        return took;
    }

    /** {@code count} copies of the real quick run, each with its own commit and time. */
    private static List<String> quickRuns(Path root, int count) throws IOException {
        List<String> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path run = root.resolve(String.format("run-%03d", i));
            Files.createDirectories(run);
            try (Stream<Path> files = Files.list(QUICK_RUN)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                    Files.copy(file, run.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
            ((ObjectNode) manifest.path("git")).put("commit", String.format("%040x", i + 1));
            manifest.put("startedAt", Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i).toString());
            JSON.writerWithDefaultPrettyPrinter().writeValue(run.resolve("manifest.json").toFile(), manifest);
            runs.add(run.toString());
        }
        return runs;
    }

    /** 1,000 synthetic runs of 200 series ingested into {@code db}; returns the time taken. */
    private static long ingestLarge(Path root, String db) throws IOException {
        SyntheticHistory machine = SyntheticHistory.xeon();
        long start = System.nanoTime();
        for (int batch = 0; batch < 10; batch++) {
            List<String> command = new ArrayList<>(List.of("ingest", "--db", db, "--branch", "main"));
            for (int run = batch * 100; run < (batch + 1) * 100; run++) {
                Map<String, Double> values = new LinkedHashMap<>();
                for (int s = 0; s < 200; s++) {
                    values.put(String.format("m%03d", s), (10.0 + s) * (s % 5 == 0 && run >= 600 ? 1.10 : 1.0));
                }
                command.add(machine.write(root.resolve(String.format("run-%04d", run)), run, values, run).toString());
            }
            timed(command);
            for (String path : command.subList(5, command.size())) {
                deleteRun(Path.of(path));
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void deleteRun(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(run);
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
