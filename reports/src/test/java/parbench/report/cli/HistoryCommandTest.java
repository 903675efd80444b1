package parbench.report.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import parbench.report.history.SyntheticHistory;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REAL_RUN = Path.of("src/test/resources/run/python-and-jvm");
    private static final Path REAL_JMH = Path.of("src/test/resources/jmh/real-jmh-1.37-avgt.json");

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(Map<String, String> environment, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return HistoryCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), environment, args);
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private String db() {
        return dir.resolve("history.sqlite").toString();
    }

    /** Twelve synthetic runs of main; fork-join steps from 50 to 60 ms at run 7. */
    private void ingestStep() throws IOException {
        SyntheticHistory machine = SyntheticHistory.xeon();
        for (int i = 0; i < 12; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("sequential", 100.0);
            values.put("fork-join", i < 7 ? 50.0 : 60.0);
            Path run = machine.write(dir.resolve("run-" + i), i, values, i);
            assertThat(run("ingest", "--db", db(), "--branch", "main", run.toString())).isZero();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:mysql://localhost/x | jdbc:mysql://localhost/x: unsupported database; --db takes jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB or a file path (SQLite)",
            "/no/such/folder/h.sqlite | /no/such/folder/h.sqlite: the folder /no/such/folder does not exist",
            "jdbc:postgresql:history  | jdbc:postgresql:history: a PostgreSQL URL is jdbc:postgresql://HOST[:PORT]/DATABASE"})
    void aBadDbIsOneLineAndExitTwo(String db, String message) {
        assertThat(run("changes", "--db", db)).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("parbench history: " + message + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aPostgresServerThatIsNotThereIsOneLineAndExitTwo() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        assertThat(run("changes", "--db", "jdbc:postgresql://127.0.0.1:" + port + "/h?user=u&password=secret"))
                .isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench history: jdbc:postgresql://127.0.0.1:" + port
                + "/h: cannot connect: ").doesNotContain("secret").hasLineCount(1);
    }

    @Test
    void aFileThatIsNotADatabaseIsOneLineAndExitTwo() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.sqlite"), "not a database");
        assertThat(run("changes", "--db", file.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench history: " + file + ": cannot migrate the history schema: ")
                .hasLineCount(1);
    }

    @Test
    void theDatabaseComesFromParbenchDbWhenDbIsNotGiven() {
        assertThat(run(Map.of("PARBENCH_DB", db()), "ingest", REAL_RUN.toString())).isZero();
        assertThat(Files.exists(dir.resolve("history.sqlite"))).isTrue();
        assertThat(out.toString()).startsWith("stored " + REAL_RUN + ": testbed xeon-2c-jdk25, commit d242385f");
    }

    @Test
    void aJmhFileNeedsTheTestbedFlag() {
        assertThat(run("ingest", "--db", db(), REAL_JMH.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("parbench history: " + REAL_JMH
                + ": no manifest.json to take the testbed from: give --testbed NAME" + System.lineSeparator());

        assertThat(run("ingest", "--db", db(), "--testbed", "laptop", "--commit", "abc", "--time",
                "2026-12-01T10:00:00Z", REAL_JMH.toString())).isZero();
        assertThat(out.toString()).startsWith("stored " + REAL_JMH + ": testbed laptop, commit abc,");
    }

    @Test
    void aBadInputAmongSeveralStoresNothing() throws IOException {
        Path bad = Files.writeString(dir.resolve("cores-1.json"), "[{\"benchmark\": ");
        assertThat(run("ingest", "--db", db(), REAL_RUN.toString(), bad.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench history: " + bad + ": truncated JSON").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("history.sqlite"))).isFalse();
    }

    @Test
    void aBadTimeIsOneLineAndExitTwo() {
        assertThat(run("ingest", "--db", db(), "--time", "yesterday", REAL_RUN.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("parbench history: " + REAL_RUN
                + ": --time 'yesterday' is not an ISO-8601 time such as 2026-12-01T19:50:00Z" + System.lineSeparator());
    }

    @Test
    void ingestingTheSameRunAgainSaysSoAndStoresNothingNew() {
        assertThat(run("ingest", "--db", db(), REAL_RUN.toString())).isZero();
        assertThat(run("ingest", "--db", db(), REAL_RUN.toString())).isZero();
        assertThat(out.toString()).startsWith("already stored " + REAL_RUN);
    }

    @Test
    void changesAsJsonNameTheStepsCommitAndIndex() throws IOException {
        ingestStep();

        assertThat(run("changes", "--db", db(), "--format", "json")).isZero();

        JsonNode changes = JSON.readTree(out.toString()).path("changePoints");
        assertThat(changes).hasSize(1);
        JsonNode c = changes.get(0);
        assertThat(c.path("benchmark").asText()).isEqualTo("parbench.bench.SleepBenchmark.batch");
        assertThat(c.path("mode").asText()).isEqualTo("avgt");
        assertThat(c.path("params").path("model").asText()).isEqualTo("fork-join");
        assertThat(c.path("cores").asInt()).isEqualTo(2);
        assertThat(c.path("testbed").asText()).isEqualTo("xeon-2c-jdk25");
        assertThat(c.path("commit").asText()).isEqualTo("c7");
        assertThat(c.path("time").asText()).isEqualTo(SyntheticHistory.START.plusSeconds(7 * 3600).toString());
        assertThat(c.path("index").asInt()).isEqualTo(7);
        assertThat(c.path("ratio").asDouble()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(0.02));
        assertThat(c.path("before").asDouble()).isCloseTo(50, org.assertj.core.api.Assertions.within(1.0));
        assertThat(c.path("after").asDouble()).isCloseTo(60, org.assertj.core.api.Assertions.within(1.0));
        assertThat(c.path("p").asDouble()).isLessThan(0.01);
    }

    @Test
    void changesAsTextHaveAHeaderAndOneLinePerChange() throws IOException {
        ingestStep();
        assertThat(run("changes", "--db", db(), "--include", "fork-join")).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.get(0)).startsWith("1 change point in 1 series (E-divisive means");
        assertThat(lines.get(1)).contains("xeon-2c-jdk25", "SleepBenchmark.batch avgt", "model=fork-join",
                "at run 7", "commit c7", "+20.");
    }

    @Test
    void aBadIncludeIsOneLineAndExitTwo() {
        assertThat(run("changes", "--db", db(), "--include", "([")).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench history: --include '([' is not a regular expression")
                .hasLineCount(1);
    }

    @Test
    void checkExitsOneOnARegressionAndZeroOtherwise() throws IOException {
        ingestStep();
        SyntheticHistory machine = SyntheticHistory.xeon();
        Path slower = machine.write(dir.resolve("slower"), 40, Map.of("sequential", 100.0, "fork-join", 75.0), 40);
        Path same = machine.write(dir.resolve("same"), 41, Map.of("sequential", 100.0, "fork-join", 60.0), 41);

        assertThat(run("check", "--db", db(), "--window", "5", "--format", "json", slower.toString())).isEqualTo(1);
        JsonNode json = JSON.readTree(out.toString());
        assertThat(json.toString()).contains("regressed");

        assertThat(run("check", "--db", db(), "--window", "5", same.toString())).isZero();
        assertThat(out.toString()).contains("the last 5 runs of 'main' on testbed xeon-2c-jdk25");
    }

    @Test
    void checkWithoutHistorySaysSoAndExitsZero() {
        assertThat(run("check", "--db", db(), REAL_RUN.toString())).isZero();
        assertThat(out.toString()).isEqualTo("parbench history: no run of branch 'main' in the history yet:"
                + " nothing to check against" + System.lineSeparator());
    }

    @Test
    void reportWritesOneSelfContainedPageWithTheChangeTable() throws IOException {
        ingestStep();
        Path page = dir.resolve("history.html");

        assertThat(run("report", "--db", db(), "-o", page.toString())).isZero();

        String html = Files.readString(page);
        assertThat(err.toString()).isEqualTo("parbench history: wrote " + page + " (2 series, 1 change point)"
                + System.lineSeparator());
        assertThat(html).contains("<script type=\"application/json\" id=\"history-data\">", "echarts",
                "<code>c7</code>", "xeon-2c-jdk25", "+20.");
        assertThat(html).doesNotContain("<script src=", "<link rel=\"stylesheet\" href=");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).startsWith("parbench history: give a subcommand");
    }
}
