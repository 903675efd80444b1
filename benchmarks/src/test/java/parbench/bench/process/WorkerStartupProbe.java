package parbench.bench.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.IntStream;

import parbench.workload.NoopTask;

/**
 * Measures a worker's spawn time (start to first answered no-op task, one worker at a time) and
 * the warm round trip of a no-op task through one worker, for every start-up archive kind (spawns interleaved, so drifting load hits all alike). Not a test:
 * a measuring tool, run by hand (figures are only as good as the machine is quiet):
 *
 * Archives need a class path of jars only, so the test classes go into a jar first:
 *
 * <pre>
 * jar cf probe.jar -C benchmarks/target/test-classes .
 * java -cp probe.jar:benchmarks/target/benchmarks.jar \
 *     parbench.bench.process.WorkerStartupProbe ROUNDS ARCHIVE_DIR
 * </pre>
 */
public final class WorkerStartupProbe {

    private static final Duration LONG = Duration.ofMinutes(5);

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        var commands = new LinkedHashMap<StartupArchive.Kind, WorkerCommand>();
        for (var kind : StartupArchive.Kind.values()) {
            var archive = kind == StartupArchive.Kind.NONE ? StartupArchive.none()
                    : new StartupArchive(kind, dir.resolve("worker." + kind));
            var command = WorkerCommand.forMain(WorkerMain.class.getName(), archive);
            long trainStart = System.nanoTime();
            command.prepareArchive();
            System.out.printf("%s: archive ready in %d ms%n", kind, (System.nanoTime() - trainStart) / 1_000_000);
            commands.put(kind, command);
        }

        var spawns = new LinkedHashMap<StartupArchive.Kind, List<Long>>();
        for (int round = 0; round < rounds; round++) {
            for (var entry : commands.entrySet()) {
                try (var pool = new ProcessWorkerPool(entry.getValue(), 1)) {
                    pool.run(new NoopTask(), List.of(1), 1, LONG, ErrorPolicy.FAIL_FAST, outcome -> {});
                    spawns.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(pool.spawnTimes().getFirst().toMillis());
                }
            }
        }
        spawns.forEach((kind, times) -> {
            times.sort(null);
            System.out.printf("%s: spawn to first answer, ms, sorted: %s (median %d)%n", kind, times, times.get(times.size() / 2));
        });

        List<Integer> inputs = IntStream.range(0, 20_000).boxed().toList();
        try (var pool = new ProcessWorkerPool(commands.get(StartupArchive.Kind.NONE), 1)) {
            for (int warm = 0; warm < 5; warm++) {
                pool.run(new NoopTask(), inputs, 1, LONG, ErrorPolicy.FAIL_FAST, outcome -> {});
            }
            for (int chunk : new int[] {1, 16}) {
                var perTask = new ArrayList<Double>();
                for (int measured = 0; measured < 5; measured++) {
                    long start = System.nanoTime();
                    pool.run(new NoopTask(), inputs, chunk, LONG, ErrorPolicy.FAIL_FAST, outcome -> {});
                    perTask.add((System.nanoTime() - start) / 1_000.0 / inputs.size());
                }
                perTask.sort(null);
                System.out.printf("warm no-op round trip, chunk %d, us/task, sorted: %s%n", chunk,
                        perTask.stream().map(us -> "%.1f".formatted(us)).toList());
            }
        }
    }
}
