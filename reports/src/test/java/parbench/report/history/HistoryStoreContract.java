package parbench.report.history;

import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.run.RunInput;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the history store does, on whichever database a subclass provides: the same tests run on SQLite and on a
 * real PostgreSQL server.
 */
abstract class HistoryStoreContract {

    static final Path REAL_RUN = Path.of("src/test/resources/run/python-and-jvm");

    @TempDir
    Path temp;

    /** The JDBC URL of a new, empty database. */
    abstract String newDatabase() throws Exception;

    HistoryStore store() throws Exception {
        return new HistoryStore(HistoryDatabase.open(DatabaseLocation.parse(newDatabase())));
    }

    static IncomingRun incoming(Path source, String branch) throws Exception {
        return IncomingRun.read(source, new IncomingRun.Overrides(Optional.empty(), Optional.empty(),
                Optional.ofNullable(branch), Optional.empty()), Instant.parse("2026-12-01T00:00:00Z"));
    }

    static long count(HistoryDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement s = c.prepareStatement(sql);
             var rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aRealRunIsStoredWithEveryRawSample() throws Exception {
        var database = HistoryDatabase.open(DatabaseLocation.parse(newDatabase()));
        IncomingRun run = incoming(REAL_RUN, "main");
        long samples = run.input().results().stream().mapToLong(r -> r.primaryMetric().rawDataHistogram().isEmpty()
                ? r.primaryMetric().rawData().stream().mapToLong(List::size).sum()
                : r.primaryMetric().rawDataHistogram().stream().flatMap(List::stream).mapToLong(List::size).sum())
                .sum();

        assertThat(new HistoryStore(database).ingest(run)).isEqualTo(HistoryStore.Outcome.STORED);

        assertThat(count(database, "SELECT COUNT(*) FROM result")).isEqualTo(run.input().results().size());
        assertThat(count(database, "SELECT COUNT(*) FROM sample")).isEqualTo(samples).isPositive();
        assertThat(count(database, "SELECT COUNT(*) FROM run WHERE manifest IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void theSameRunIngestedTwiceIsStoredOnce() throws Exception {
        HistoryStore store = store();
        assertThat(store.ingest(incoming(REAL_RUN, "main"))).isEqualTo(HistoryStore.Outcome.STORED);
        assertThat(store.ingest(incoming(REAL_RUN, "other"))).isEqualTo(HistoryStore.Outcome.ALREADY_STORED);
        assertThat(store.runCount()).isEqualTo(1);
    }

    @Test
    void theTestbedIsTheManifestsFingerprintWithAReadableName() throws Exception {
        HistoryStore store = store();
        store.ingest(incoming(REAL_RUN, "main"));
        StoredRun run = store.runs(null, null, 10).get(0);
        assertThat(run.testbed().name()).isEqualTo("xeon-2c-jdk25");
        assertThat(run.testbed()).extracting(Testbed::cpuModel, Testbed::logicalCores, Testbed::physicalCores,
                        Testbed::kernel, Testbed::jdkVendor, Testbed::jdkVersion)
                .containsExactly("Intel(R) Xeon(R) Processor", 2, 2, "6.18.44-fc-v769", "Eclipse Adoptium", "25.0.3");
        assertThat(run.commit()).isEqualTo("d242385f000fb1ea23cdd7a277ebd60ef2f6f596");
        assertThat(run.time()).isEqualTo(Instant.parse("2026-11-25T13:44:08Z"));
    }

    @Test
    void anotherFingerprintWithATakenNameGetsTheNameWithItsIdDigits() throws Exception {
        HistoryStore store = store();
        store.ingest(incoming(SyntheticHistory.xeon().write(temp.resolve("a"), 1,
                Map.of("sequential", 100.0), 1), "main"));
        Path other = SyntheticHistory.xeon().write(temp.resolve("b"), 2, Map.of("sequential", 100.0), 2);
        java.nio.file.Files.writeString(other.resolve("manifest.json"), java.nio.file.Files.readString(
                other.resolve("manifest.json")).replace("\"6.1.0\"", "\"6.8.0\""));
        IncomingRun newKernel = incoming(other, "main");

        store.ingest(newKernel);

        assertThat(store.runs(null, null, 10)).extracting(r -> r.testbed().name())
                .containsExactlyInAnyOrder("xeon-2c-jdk25", "xeon-2c-jdk25-" + newKernel.testbed().id().substring(0, 6));
    }

    @Test
    void aStoredRunLoadsBackWithTheSameRawData() throws Exception {
        HistoryStore store = store();
        IncomingRun run = incoming(REAL_RUN, "main");
        store.ingest(run);

        RunInput loaded = store.load(store.runs(null, "main", 1).get(0));

        assertThat(loaded.manifest()).isEqualTo(run.input().manifest());
        assertThat(loaded.sets()).hasSameSizeAs(run.input().sets());
        List<BenchmarkResult> original = run.input().results();
        List<BenchmarkResult> back = loaded.results();
        assertThat(back).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat(back.get(i).benchmark()).isEqualTo(original.get(i).benchmark());
            assertThat(back.get(i).params()).containsExactlyInAnyOrderEntriesOf(original.get(i).params());
            assertThat(back.get(i).primaryMetric().rawData()).isEqualTo(original.get(i).primaryMetric().rawData());
            assertThat(back.get(i).primaryMetric().rawDataHistogram())
                    .isEqualTo(original.get(i).primaryMetric().rawDataHistogram());
            assertThat(back.get(i).primaryMetric().unit()).isEqualTo(original.get(i).primaryMetric().unit());
        }
    }

    @Test
    void aSampleModeFileKeepsEveryHistogramBin() throws Exception {
        var database = HistoryDatabase.open(DatabaseLocation.parse(newDatabase()));
        Path file = Path.of("src/test/resources/jmh/real-jmh-1.37-sample.json");
        IncomingRun run = IncomingRun.read(file, new IncomingRun.Overrides(Optional.of("laptop"), Optional.of("abc"),
                Optional.of("main"), Optional.of("2026-12-01T10:00:00Z")), Instant.now());
        long bins = run.input().results().stream().mapToLong(r -> r.primaryMetric().rawDataHistogram().stream()
                .flatMap(List::stream).mapToLong(List::size).sum()).sum();
        HistoryStore store = new HistoryStore(database);

        store.ingest(run);

        assertThat(bins).isPositive();
        assertThat(count(database, "SELECT COUNT(*) FROM sample")).isEqualTo(bins);
        RunInput back = store.load(store.runs(null, "main", 1).get(0));
        assertThat(back.results()).extracting(r -> r.primaryMetric().rawDataHistogram())
                .isEqualTo(run.input().results().stream().map(r -> r.primaryMetric().rawDataHistogram()).toList());
        assertThat(store.series(SeriesFilter.all())).allSatisfy(s -> assertThat(s.points()).singleElement()
                .satisfies(p -> assertThat(p.low()).isLessThanOrEqualTo(p.value())));
    }

    @Test
    void aTwentyPercentStepIsAChangePointNamingItsCommit() throws Exception {
        HistoryStore store = store();
        SyntheticHistory machine = SyntheticHistory.xeon();
        for (int i = 0; i < 12; i++) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("sequential", 100.0);
            values.put("fork-join", i < 7 ? 50.0 : 60.0);
            store.ingest(incoming(machine.write(temp.resolve("run-" + i), i, values, i), "main"));
        }

        List<Series> series = store.series(SeriesFilter.all());
        List<ChangePoint> changes = ChangeDetector.standard().find(series);

        assertThat(series).hasSize(2).allSatisfy(s -> assertThat(s.points()).hasSize(12));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.series().params()).containsEntry("model", "fork-join");
            assertThat(c.index()).isEqualTo(7);
            assertThat(c.commit()).isEqualTo("c7");
            assertThat(c.ratio()).isCloseTo(1.2, org.assertj.core.api.Assertions.within(0.02));
            assertThat(c.low()).isLessThanOrEqualTo(c.ratio());
            assertThat(c.high()).isGreaterThanOrEqualTo(c.ratio());
        });
    }

    @Test
    void aDatabaseAtTheFirstSchemaMigratesKeepingItsRuns() throws Exception {
        String url = newDatabase();
        var old = HistoryDatabase.open(DatabaseLocation.parse(url), MigrationVersion.fromVersion("1"));
        new HistoryStore(old).ingest(incoming(REAL_RUN, "main"));
        assertThat(count(old, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'")).isZero();

        var migrated = HistoryDatabase.open(DatabaseLocation.parse(url));

        assertThat(count(migrated, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2' AND success"
                + (url.startsWith("jdbc:sqlite") ? " = 1" : ""))).isEqualTo(1);
        assertThat(new HistoryStore(migrated).runCount()).isEqualTo(1);
        assertThat(new HistoryStore(migrated).series(SeriesFilter.all())).isNotEmpty();
    }

    @Test
    void onlyADatabaseAtTheNewestSchemaOpensWithoutFlyway() throws Exception {
        String url = newDatabase();
        try (Connection empty = java.sql.DriverManager.getConnection(DatabaseLocation.parse(url).url())) {
            assertThat(HistoryDatabase.isCurrent(empty)).as("a new database").isFalse();
        }
        var old = HistoryDatabase.open(DatabaseLocation.parse(url), MigrationVersion.fromVersion("1"));
        try (Connection connection = old.connect()) {
            assertThat(HistoryDatabase.isCurrent(connection)).as("at the first schema").isFalse();
        }

        var migrated = HistoryDatabase.open(DatabaseLocation.parse(url));

        try (Connection connection = migrated.connect()) {
            assertThat(HistoryDatabase.isCurrent(connection)).as("migrated").isTrue();
        }
        // opened again, without Flyway: the store works as after a migration
        var reopened = HistoryDatabase.open(DatabaseLocation.parse(url));
        assertThat(new HistoryStore(reopened).ingest(incoming(REAL_RUN, "main"))).isEqualTo(HistoryStore.Outcome.STORED);
        assertThat(new HistoryStore(reopened).series(SeriesFilter.all())).isNotEmpty();
    }

    @Test
    void aFailedOrUnknownMigrationIsLeftToFlyway() throws Exception {
        var database = HistoryDatabase.open(DatabaseLocation.parse(newDatabase()));
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, execution_time, success) VALUES (99, '3', 'future', 'SQL',"
                    + " 'V3__future.sql', 0, 'test', 0, " + (this instanceof SqliteHistoryStoreTest ? "1" : "true") + ")");
            assertThat(HistoryDatabase.isCurrent(connection)).as("a newer schema").isFalse();
            statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '3'");
            statement.executeUpdate("UPDATE flyway_schema_history SET success = "
                    + (this instanceof SqliteHistoryStoreTest ? "0" : "false") + " WHERE version = '2'");
            assertThat(HistoryDatabase.isCurrent(connection)).as("a failed migration").isFalse();
        }
    }

    @Test
    void checkFindsARegressionBeyondTheRunToRunSpread() throws Exception {
        HistoryStore store = store();
        SyntheticHistory machine = SyntheticHistory.xeon();
        for (int i = 0; i < 6; i++) {
            store.ingest(incoming(machine.write(temp.resolve("base-" + i), i,
                    Map.of("sequential", 100.0, "fork-join", 50.0), i), "main"));
        }
        IncomingRun slower = incoming(machine.write(temp.resolve("slower"), 99,
                Map.of("sequential", 100.0, "fork-join", 65.0), 99), "pr");
        IncomingRun same = incoming(machine.write(temp.resolve("same"), 98,
                Map.of("sequential", 100.0, "fork-join", 50.0), 98), "pr");
        var check = new HistoryCheck(5, "main", 0.01, parbench.report.compare.Thresholds.uniform(0.05));

        var regression = check.check(store, slower).comparison().orElseThrow();
        var fine = check.check(store, same).comparison().orElseThrow();

        assertThat(regression.hasRegression()).isTrue();
        assertThat(regression.mode().line()).contains("the last 5 runs of 'main' on testbed xeon-2c-jdk25");
        assertThat(fine.hasRegression()).isFalse();
    }

    @Test
    void checkOnANewTestbedComparesSpeedupsWithOtherTestbeds() throws Exception {
        HistoryStore store = store();
        for (int i = 0; i < 3; i++) {
            store.ingest(incoming(SyntheticHistory.xeon().write(temp.resolve("base-" + i), i,
                    Map.of("sequential", 100.0, "fork-join", 50.0), i), "main"));
        }
        var epyc = new SyntheticHistory("AMD EPYC 7763 64-Core Processor", 2, "21.0.5", 0.01);
        IncomingRun candidate = incoming(epyc.write(temp.resolve("epyc"), 50,
                Map.of("sequential", 80.0, "fork-join", 40.0), 50), "pr");

        var comparison = new HistoryCheck(10, "main", 0.01, parbench.report.compare.Thresholds.uniform(0.05))
                .check(store, candidate).comparison().orElseThrow();

        assertThat(candidate.testbed().name()).isEqualTo("epyc-2c-jdk21");
        assertThat(comparison.mode().mode()).isEqualTo(parbench.report.compare.HardwareMode.CROSS_HARDWARE);
        assertThat(comparison.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.key().figure())
                .isIn("speedup", "efficiency"));
        assertThat(comparison.hasRegression()).isFalse();
    }

    @Test
    void aKilledIngestLeavesNoHalfRun() throws Exception {
        String url = newDatabase();
        var database = HistoryDatabase.open(DatabaseLocation.parse(url));
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), InterruptedIngest.class.getName(), url, REAL_RUN.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (ExecutorService reader = Executors.newSingleThreadExecutor()) {
            Future<String> line = reader.submit(() -> new BufferedReader(new InputStreamReader(
                    child.getInputStream(), StandardCharsets.UTF_8)).readLine());
            assertThat(line.get(120, TimeUnit.SECONDS)).isEqualTo(InterruptedIngest.WRITTEN);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }

        HistoryStore store = new HistoryStore(database);
        assertThat(store.runCount()).isZero();
        assertThat(count(database, "SELECT COUNT(*) FROM sample")).isZero();
        assertThat(store.ingest(incoming(REAL_RUN, "main"))).isEqualTo(HistoryStore.Outcome.STORED);
    }

    /** The runs of {@code count} synthetic commits, for concurrency tests. */
    List<IncomingRun> syntheticRuns(int count) throws Exception {
        List<IncomingRun> runs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            runs.add(incoming(SyntheticHistory.xeon().write(temp.resolve("c-" + i), i,
                    Map.of("sequential", 100.0, "fork-join", 50.0 + i), i), "main"));
        }
        return runs;
    }
}
