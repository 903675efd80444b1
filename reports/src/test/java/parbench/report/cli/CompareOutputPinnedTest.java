package parbench.report.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.fixture.SyntheticComparison;
import parbench.report.fixture.SyntheticComparison.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compare's output does not depend on how many threads compare the rows, nor on the order they finish in: every row's
 * resamples are seeded from the seed and the row's own data, never from a shared generator. Run at parallelism 1 and 2
 * (the rows' parallel stream runs in the pool that calls it), the output is byte for byte the output of the commit
 * before the streaming reader and the parallel rows' rework (SHA-256 pinned, input paths replaced by {@code DIR}), on
 * the README's SYNTHETIC input (10,000 results a side) and on the REAL rerun pair.
 */
class CompareOutputPinnedTest {

    @TempDir
    static Path synthetic;

    @BeforeAll
    static void writeTheReadmesSyntheticInput() throws IOException {
        // what SyntheticComparison.main writes: the input of docs/compare.md, "How fast"
        Spec spec = new Spec(10_000, "avgt", "ms/op", 1.0, 0.02, 10, 1);
        SyntheticComparison.write(synthetic.resolve("baseline.json"), spec);
        SyntheticComparison.write(synthetic.resolve("candidate.json"), spec.withSeed(2));
    }

    private static Path rerunPair() {
        return Path.of("src", "test", "resources", "compare", "rerun-pair");
    }

    @ParameterizedTest(name = "{0} {1} at parallelism {2}")
    @CsvSource({
            "synthetic,  text,     1, e051fe0066b9e017f226e28b0bed919d73a81c74a9b014abc2e9dfe74846a711",
            "synthetic,  text,     2, e051fe0066b9e017f226e28b0bed919d73a81c74a9b014abc2e9dfe74846a711",
            "synthetic,  markdown, 2, dbb2e1cc5b2ace5c1590254248b98a3f6856fee9119b7427499cfd049a3503ec",
            "synthetic,  json,     2, 5f7a872545249d0b0e73276b2b0930835eea5a8ced6d82f38c457c3abadd856f",
            "rerun-pair, text,     1, 8bfefa1884a354597dd8f7ca31e037be29110e8ddae3ee31475fbde44001d678",
            "rerun-pair, text,     2, 8bfefa1884a354597dd8f7ca31e037be29110e8ddae3ee31475fbde44001d678",
            "rerun-pair, markdown, 2, 73be2c848ed6b8bf6adab9bdb82a7844e69beb883a234cf926ac84478190a586",
            "rerun-pair, json,     1, f354d98ae0c2c0d051fece579468ac8c8ba199b8b2e44dfac20b80c8b559491a",
            "rerun-pair, json,     2, f354d98ae0c2c0d051fece579468ac8c8ba199b8b2e44dfac20b80c8b559491a"})
    void outputIsThePinnedOneAtEveryParallelism(String input, String format, int parallelism, String sha256)
            throws Exception {
        Path dir = input.equals("synthetic") ? synthetic : rerunPair();
        Path baseline = dir.resolve(input.equals("synthetic") ? "baseline.json" : "run-1");
        Path candidate = dir.resolve(input.equals("synthetic") ? "candidate.json" : "run-2");

        String output = compareIn(parallelism, baseline.toString(), candidate.toString(), "--format", format);

        assertThat(sha256(output.replace(dir.toString(), "DIR"))).isEqualTo(sha256);
    }

    @org.junit.jupiter.api.Test
    void outputIsThePinnedOneWhileTheWarmUpRunsBesideIt() throws Exception {
        // GIVEN the warm-up main() starts beside the command, run again and again on another thread meanwhile
        var stop = new java.util.concurrent.atomic.AtomicBoolean();
        var warmUps = new java.util.concurrent.atomic.AtomicInteger();
        Thread warmUp = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                CompareWarmUp.run();
                warmUps.incrementAndGet();
            }
        });
        String output;
        try {
            output = compareIn(2, synthetic.resolve("baseline.json").toString(),
                    synthetic.resolve("candidate.json").toString(), "--format", "text");
        } finally {
            stop.set(true);
            warmUp.join();
        }

        // THEN the output is byte for byte the pinned one
        assertThat(warmUps.get()).isPositive();
        assertThat(sha256(output.replace(synthetic.toString(), "DIR")))
                .isEqualTo("e051fe0066b9e017f226e28b0bed919d73a81c74a9b014abc2e9dfe74846a711");
    }

    /** The command run on a thread of a pool of {@code parallelism}, so the rows' parallel stream uses that pool. */
    private static String compareIn(int parallelism, String... args) throws InterruptedException, ExecutionException {
        ForkJoinPool pool = new ForkJoinPool(parallelism);
        try {
            return pool.submit(() -> {
                assertThat(ForkJoinTask.getPool().getParallelism()).isEqualTo(parallelism);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                PrintWriter outWriter = new PrintWriter(out);
                int code = CompareCommand.execute(outWriter, new PrintWriter(err, true), args);
                outWriter.flush();
                assertThat(code).as("exit code; stderr: %s", err).isZero();
                return out.toString();
            }).get();
        } finally {
            pool.shutdown();
        }
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
