package parbench.report.history;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded {@code parbench-reports.jar} as users run it: a separate JVM on the jar alone. Proves that shading kept
 * what the history needs at run time: both JDBC drivers' {@code META-INF/services/java.sql.Driver}, SQLite's native
 * library, Flyway's plugin registry (with the PostgreSQL plugin) and the migration scripts.
 */
class HistoryJarIT {

    private static final Path JAR = Path.of(System.getProperty("parbench.reportsJar", "target/parbench-reports.jar"));
    private static final Path REAL_RUN = Path.of("src/test/resources/run/python-and-jvm");

    @TempDir
    Path temp;

    private record Result(int code, String output) {
    }

    private Result history(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", JAR.toString(), "parbench.report.cli.HistoryCommand"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private void ingestChangesAndReport(String db) throws IOException, InterruptedException {
        Result stored = history("ingest", "--db", db, "--branch", "main", REAL_RUN.toString());
        assertThat(stored.code()).as(stored.output()).isZero();
        assertThat(stored.output()).contains("stored " + REAL_RUN + ": testbed xeon-2c-jdk25");
        Result again = history("ingest", "--db", db, REAL_RUN.toString());
        assertThat(again.output()).contains("already stored");
        Result changes = history("changes", "--db", db, "--format", "json");
        assertThat(changes.code()).as(changes.output()).isZero();
        assertThat(changes.output()).contains("\"series\" : 140", "\"changePoints\" : [ ]");
        Path page = temp.resolve("history.html");
        Result report = history("report", "--db", db, "-o", page.toString());
        assertThat(report.code()).as(report.output()).isZero();
        assertThat(Files.readString(page)).contains("xeon-2c-jdk25");
    }

    @Test
    void theJarKeepsAnSqliteHistory() throws Exception {
        assertThat(JAR).exists();
        ingestChangesAndReport(temp.resolve("history.sqlite").toString());
    }

    @Test
    void theJarKeepsAPostgresHistory() throws Exception {
        assertThat(JAR).exists();
        try (PostgresServer server = PostgresServer.start()) {
            ingestChangesAndReport(server.newDatabase());
        }
    }
}
