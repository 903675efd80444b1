package parbench.report.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import parbench.report.analysis.Row;
import parbench.report.analysis.SpeedupTable;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.HistogramBin;
import parbench.report.jmh.Metric;
import parbench.report.jmh.TimeUnits;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;
import parbench.report.stats.Bootstrap;
import parbench.report.stats.Estimate;
import parbench.report.stats.SampleTree;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Reads and writes the history: runs with every raw sample in, series and runs out. Same SQL on SQLite and
 * PostgreSQL.
 *
 * <p>Each {@link #ingest} is one transaction: a failure part-way stores nothing. The run's primary key is its content
 * hash and is inserted first with {@code ON CONFLICT DO NOTHING}: of two concurrent ingests of one run, the second
 * waits on the key, inserts nothing and reports {@link Outcome#ALREADY_STORED}, so a run is never stored twice nor
 * lost.
 *
 * <p>Thread-safe: every call takes its own connection from the {@link HistoryDatabase}.
 */
public final class HistoryStore {

    /** What {@link #ingest} did. */
    public enum Outcome { STORED, ALREADY_STORED }

    /** The confidence of the per-run interval stored beside each run's value. */
    public static final double RUN_INTERVAL_CONFIDENCE = 0.95;
    /** The per-run bands: 1,000 resamples (Efron &amp; Tibshirani's floor for percentile intervals) at 95 %. */
    private static final Bootstrap BOOTSTRAP = new Bootstrap(1000, Bootstrap.DEFAULT_SEED);
    private static final int BATCH = 5_000;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final TypeReference<TreeMap<String, String>> PARAMS = new TypeReference<>() {
    };

    private final HistoryDatabase database;

    public HistoryStore(HistoryDatabase database) {
        this.database = database;
    }

    /** Stores {@code run} with every result and raw sample, all or nothing. */
    public Outcome ingest(IncomingRun run) throws SQLException {
        // the bootstrap is most of an ingest's time: done on every core, before the transaction opens
        Map<BenchmarkResult, Estimate> values = values(run);
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try {
                Outcome outcome = write(connection, run, values);
                if (outcome == Outcome.STORED) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Writes {@code run} on {@code connection} without committing: the caller owns the transaction. Returns
     * {@link Outcome#ALREADY_STORED} (having written nothing that matters) when the run is there already.
     */
    static Outcome write(Connection connection, IncomingRun run) throws SQLException {
        return write(connection, run, values(run));
    }

    /** Each result's run value and band: the statistics core's bootstrap of its sample tree, in the normalised unit. */
    private static Map<BenchmarkResult, Estimate> values(IncomingRun run) {
        Map<BenchmarkResult, Estimate> values = new java.util.IdentityHashMap<>();
        List<BenchmarkResult> results = run.input().results();
        List<Estimate> estimates = results.parallelStream().map(HistoryStore::estimate).toList();
        for (int i = 0; i < results.size(); i++) {
            values.put(results.get(i), estimates.get(i));
        }
        return values;
    }

    private static Estimate estimate(BenchmarkResult result) {
        Metric metric = result.primaryMetric();
        double factor = TimeUnits.factor(metric.unit(), TimeUnits.normalised(metric.unit()));
        SampleTree tree = SampleTree.of(metric);
        if (Double.isFinite(factor) && factor != 0 && factor != 1) {
            tree = tree.scaled(factor);
        }
        return tree.isEmpty() ? new Estimate(Double.NaN, Double.NaN, Double.NaN, RUN_INTERVAL_CONFIDENCE, 0, false)
                : BOOTSTRAP.score(tree, RUN_INTERVAL_CONFIDENCE);
    }

    private static Outcome write(Connection connection, IncomingRun run, Map<BenchmarkResult, Estimate> values)
            throws SQLException {
        Testbed testbed = run.testbed();
        String name = testbed.name();
        // a new fingerprint whose readable name is taken (same CPU, cores and JDK; another kernel or memory size)
        // gets the name with its id's first six digits, so that the page and --testbed can tell the two apart
        try (PreparedStatement taken = connection.prepareStatement(
                "SELECT COUNT(*) FROM testbed WHERE name = ? AND id <> ? AND NOT EXISTS"
                        + " (SELECT 1 FROM testbed WHERE id = ?)")) {
            taken.setString(1, name);
            taken.setString(2, testbed.id());
            taken.setString(3, testbed.id());
            try (java.sql.ResultSet rows = taken.executeQuery()) {
                if (rows.next() && rows.getLong(1) > 0) {
                    name = name + "-" + testbed.id().substring(0, 6);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO testbed (id, name, cpu_model, logical_cores, physical_cores, memory_bytes, kernel,
                                     jdk_vendor, jdk_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            insert.setString(1, testbed.id());
            insert.setString(2, name);
            insert.setString(3, testbed.cpuModel());
            setInteger(insert, 4, testbed.logicalCores());
            setInteger(insert, 5, testbed.physicalCores());
            if (testbed.memoryBytes() == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, testbed.memoryBytes());
            }
            insert.setString(7, testbed.kernel());
            insert.setString(8, testbed.jdkVendor());
            insert.setString(9, testbed.jdkVersion());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO run (id, testbed_id, commit_sha, branch, run_time, source, manifest, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")) {
            insert.setString(1, run.id());
            insert.setString(2, testbed.id());
            insert.setString(3, run.commit());
            insert.setString(4, run.branch());
            insert.setString(5, format(run.time()));
            insert.setString(6, run.input().source().toString());
            insert.setString(7, run.manifest());
            insert.setString(8, format(Instant.now()));
            if (insert.executeUpdate() == 0) {
                return Outcome.ALREADY_STORED;
            }
        }
        try (PreparedStatement results = connection.prepareStatement("""
                INSERT INTO result (run_id, ordinal, file_name, cores, python, benchmark, mode, params, threads, forks,
                                    warmup_iterations, measurement_iterations, jdk_version, vm_name, jmh_version, unit,
                                    histogram, score, score_error, norm_unit, run_value, low, high, speedup,
                                    efficiency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement samples = connection.prepareStatement("""
                INSERT INTO sample (run_id, ordinal, fork, iteration, bin, value, count)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            int ordinal = 0;
            int pending = 0;
            Map<BenchmarkResult, Row> derived = new java.util.IdentityHashMap<>();
            for (Row row : SpeedupTable.of(List.of(run.input())).rows()) {
                derived.put(row.result(), row);
            }
            for (ResultSet set : run.input().sets()) {
                for (BenchmarkResult result : set.results()) {
                    addResult(results, run.id(), ordinal, set, result, derived.get(result), values.get(result));
                    pending += addSamples(samples, run.id(), ordinal, result.primaryMetric());
                    ordinal++;
                    if (pending >= BATCH) {
                        results.executeBatch();
                        samples.executeBatch();
                        pending = 0;
                    }
                }
            }
            results.executeBatch();
            samples.executeBatch();
        }
        return Outcome.STORED;
    }

    private static void addResult(PreparedStatement insert, String runId, int ordinal, ResultSet set,
                                  BenchmarkResult result, Row row, Estimate estimate) throws SQLException {
        Metric metric = result.primaryMetric();
        String unit = TimeUnits.normalised(metric.unit());
        insert.setString(1, runId);
        insert.setInt(2, ordinal);
        insert.setString(3, set.file().getFileName().toString());
        setInteger(insert, 4, set.cores().isPresent() ? set.cores().getAsInt() : null);
        insert.setInt(5, set.python() ? 1 : 0);
        insert.setString(6, result.benchmark());
        insert.setString(7, result.mode());
        insert.setString(8, json(new TreeMap<>(result.params())));
        insert.setInt(9, result.threads());
        insert.setInt(10, result.forks());
        insert.setInt(11, result.warmupIterations());
        insert.setInt(12, result.measurementIterations());
        insert.setString(13, result.jdkVersion().orElse(null));
        insert.setString(14, result.vmName().orElse(null));
        insert.setString(15, result.jmhVersion().orElse(null));
        insert.setString(16, metric.unit());
        insert.setInt(17, metric.rawDataHistogram().isEmpty() ? 0 : 1);
        setDouble(insert, 18, metric.score());
        setDouble(insert, 19, metric.scoreError());
        insert.setString(20, unit);
        setDouble(insert, 21, estimate.point());
        setDouble(insert, 22, estimate.low());
        setDouble(insert, 23, estimate.high());
        setDouble(insert, 24, row == null || row.speedup() == null ? Double.NaN : row.speedup());
        setDouble(insert, 25, row == null || row.efficiency() == null ? Double.NaN : row.efficiency());
        insert.addBatch();
    }

    private static int addSamples(PreparedStatement insert, String runId, int ordinal, Metric metric)
            throws SQLException {
        int rows = 0;
        if (!metric.rawDataHistogram().isEmpty()) {
            List<List<List<HistogramBin>>> forks = metric.rawDataHistogram();
            for (int f = 0; f < forks.size(); f++) {
                for (int i = 0; i < forks.get(f).size(); i++) {
                    List<HistogramBin> bins = forks.get(f).get(i);
                    for (int b = 0; b < bins.size(); b++) {
                        addSample(insert, runId, ordinal, f, i, b, bins.get(b).value(), bins.get(b).count());
                        rows++;
                    }
                }
            }
            return rows;
        }
        List<List<Double>> forks = metric.rawData();
        for (int f = 0; f < forks.size(); f++) {
            for (int i = 0; i < forks.get(f).size(); i++) {
                addSample(insert, runId, ordinal, f, i, 0, forks.get(f).get(i), 1);
                rows++;
            }
        }
        return rows;
    }

    private static void addSample(PreparedStatement insert, String runId, int ordinal, int fork, int iteration,
                                  int bin, double value, long count) throws SQLException {
        insert.setString(1, runId);
        insert.setInt(2, ordinal);
        insert.setInt(3, fork);
        insert.setInt(4, iteration);
        insert.setInt(5, bin);
        setDouble(insert, 6, value);
        insert.setLong(7, count);
        insert.addBatch();
    }

    /**
     * Every series the filter keeps, points in time order (ties by run id); a series repeated within one run is
     * pooled into one point. Two queries, no join and no sort in the database: the runs (few) into a map, then the
     * results (many); the points are ordered by their run's time here. What is read per result row is kept to the
     * few columns that differ from row to row: reading a column costs more than the database's work to produce it.
     */
    public List<Series> series(SeriesFilter filter) throws SQLException {
        record RunRow(String id, String testbedId, String testbedName, String commit, String branch, Instant time,
                      int order) {
        }
        // what makes two rows points of one series: the run's testbed and the row's series columns, joined by the
        // database into one string (each part after its length, so that no two column tuples join alike), one
        // column read per row instead of six; the columns themselves are read once per identity, when it is new.
        // Each identity's SeriesKey is built and filtered once, its points (or null: filtered out) kept in seen.
        record Identity(String testbedId, String columns) {
        }
        record Ordered(int order, SeriesPoint point) {
        }
        Map<String, RunRow> runs = new java.util.HashMap<>();
        Map<Identity, List<Ordered>> seen = new java.util.HashMap<>();
        Map<SeriesKey, List<Ordered>> byKey = new LinkedHashMap<>();
        String branch = filter.branch().isPresent() ? " WHERE r.branch = ?" : "";
        try (Connection connection = database.connect()) {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT r.id, t.id, t.name, r.commit_sha, r.branch, r.run_time
                    FROM run r JOIN testbed t ON t.id = r.testbed_id""" + branch + " ORDER BY r.run_time, r.id")) {
                filter.branch().ifPresent(b -> setString(query, 1, b));
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        runs.put(rows.getString(1), new RunRow(rows.getString(1), rows.getString(2), rows.getString(3),
                                rows.getString(4), rows.getString(5), Instant.parse(rows.getString(6)), runs.size()));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT s.run_id, COALESCE(CAST(s.cores AS VARCHAR(12)), '-') || ':' || CAST(s.python AS VARCHAR(12))
                               || ':' || CAST(LENGTH(s.benchmark) AS VARCHAR(12)) || ':' || s.benchmark
                               || CAST(LENGTH(s.mode) AS VARCHAR(12)) || ':' || s.mode
                               || CAST(LENGTH(s.norm_unit) AS VARCHAR(12)) || ':' || s.norm_unit || s.params,
                           s.run_value, s.low, s.high, s.speedup, s.efficiency,
                           s.benchmark, s.mode, s.cores, s.python, s.norm_unit, s.params
                    FROM result s""" + (branch.isEmpty() ? ""
                    : " WHERE s.run_id IN (SELECT r.id FROM run r" + branch + ")"))) {
                filter.branch().ifPresent(b -> setString(query, 1, b));
                query.setFetchSize(10_000);
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        RunRow run = runs.get(rows.getString(1));
                        double value = number(rows, 3);
                        if (run == null || !Double.isFinite(value)) {
                            continue;
                        }
                        var identity = new Identity(run.testbedId(), rows.getString(2));
                        List<Ordered> points = seen.get(identity);
                        if (points == null) {
                            if (seen.containsKey(identity)) {
                                continue; // filtered out
                            }
                            var key = new SeriesKey(run.testbedId(), run.testbedName(), rows.getString(8),
                                    rows.getString(9), params(rows.getString(13)), integer(rows, 10),
                                    rows.getInt(11) == 1, rows.getString(12));
                            points = filter.keeps(key) ? byKey.computeIfAbsent(key, k -> new ArrayList<>()) : null;
                            seen.put(identity, points);
                            if (points == null) {
                                continue;
                            }
                        }
                        points.add(new Ordered(run.order(), new SeriesPoint(run.id(), run.commit(), run.branch(),
                                run.time(), value, number(rows, 4), number(rows, 5), number(rows, 6),
                                number(rows, 7))));
                    }
                }
            }
        }
        List<Series> series = new ArrayList<>(byKey.size());
        byKey.forEach((key, ordered) -> {
            ordered.sort(java.util.Comparator.comparingInt(Ordered::order));
            List<SeriesPoint> pooled = new ArrayList<>(ordered.size());
            for (int i = 0; i < ordered.size(); ) {
                int j = i + 1;
                while (j < ordered.size() && ordered.get(j).order() == ordered.get(i).order()) {
                    j++;
                }
                pooled.add(i + 1 == j ? ordered.get(i).point()
                        : pooled(ordered.subList(i, j).stream().map(Ordered::point).toList()));
                i = j;
            }
            series.add(new Series(key, pooled));
        });
        return series;
    }

    private static void setString(PreparedStatement statement, int index, String value) {
        try {
            statement.setString(index, value);
        } catch (SQLException e) {
            throw new IllegalStateException("binding parameter " + index, e);
        }
    }

    private static SeriesPoint pooled(List<SeriesPoint> repeats) {
        if (repeats.size() == 1) {
            return repeats.get(0);
        }
        double value = ChangeDetector.median(repeats.stream().mapToDouble(SeriesPoint::value).toArray());
        SeriesPoint first = repeats.get(0);
        return new SeriesPoint(first.runId(), first.commit(), first.branch(), first.time(), value,
                repeats.stream().mapToDouble(SeriesPoint::low).min().orElse(Double.NaN),
                repeats.stream().mapToDouble(SeriesPoint::high).max().orElse(Double.NaN), first.speedup(),
                first.efficiency());
    }

    /** The newest {@code limit} runs, newest first; {@code testbedId} and {@code branch} filter when not null. */
    public List<StoredRun> runs(String testbedId, String branch, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("""
                SELECT r.id, r.commit_sha, r.branch, r.run_time, r.source, t.id, t.name, t.cpu_model, t.logical_cores,
                       t.physical_cores, t.memory_bytes, t.kernel, t.jdk_vendor, t.jdk_version
                FROM run r JOIN testbed t ON t.id = r.testbed_id WHERE 1 = 1""");
        List<String> args = new ArrayList<>();
        if (testbedId != null) {
            sql.append(" AND r.testbed_id = ?");
            args.add(testbedId);
        }
        if (branch != null) {
            sql.append(" AND r.branch = ?");
            args.add(branch);
        }
        sql.append(" ORDER BY r.run_time DESC, r.id DESC LIMIT ").append(Math.max(0, limit));
        List<StoredRun> runs = new ArrayList<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                query.setString(i + 1, args.get(i));
            }
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long memory = rows.getLong(11);
                    Long memoryBytes = rows.wasNull() ? null : memory;
                    var testbed = new Testbed(rows.getString(6), rows.getString(7), rows.getString(8),
                            integer(rows, 9), integer(rows, 10), memoryBytes, rows.getString(12), rows.getString(13),
                            rows.getString(14));
                    runs.add(new StoredRun(rows.getString(1), testbed, rows.getString(2), rows.getString(3),
                            Instant.parse(rows.getString(4)), rows.getString(5)));
                }
            }
        }
        return runs;
    }

    /** How many runs are stored. */
    public int runCount() throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM run");
             java.sql.ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * The stored run rebuilt as the report and compare read runs: its manifest, and per file its results with every
     * raw sample (or histogram bin) as ingested.
     */
    public RunInput load(StoredRun run) throws SQLException {
        Optional<RunManifest> manifest;
        Map<Integer, SampleRows> sampleRows = new TreeMap<>();
        Map<String, List<BenchmarkResult>> byFile = new LinkedHashMap<>();
        Map<String, ResultSetHeader> headers = new LinkedHashMap<>();
        try (Connection connection = database.connect()) {
            try (PreparedStatement query = connection.prepareStatement("SELECT manifest FROM run WHERE id = ?")) {
                query.setString(1, run.id());
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    String text = rows.next() ? rows.getString(1) : null;
                    manifest = text == null ? Optional.empty() : Optional.of(manifest(text));
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT ordinal, fork, iteration, bin, value, count FROM sample WHERE run_id = ?
                    ORDER BY ordinal, fork, iteration, bin""")) {
                query.setString(1, run.id());
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        sampleRows.computeIfAbsent(rows.getInt(1), o -> new SampleRows())
                                .add(rows.getInt(2), rows.getInt(3), number(rows, 5), rows.getLong(6));
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT ordinal, file_name, cores, python, benchmark, mode, params, threads, forks,
                           warmup_iterations, measurement_iterations, jdk_version, vm_name, jmh_version, unit,
                           histogram, score, score_error
                    FROM result WHERE run_id = ? ORDER BY ordinal""")) {
                query.setString(1, run.id());
                try (java.sql.ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        int ordinal = rows.getInt(1);
                        String file = rows.getString(2);
                        Integer cores = integer(rows, 3);
                        headers.putIfAbsent(file, new ResultSetHeader(cores, rows.getInt(4) == 1));
                        SampleRows samples = sampleRows.getOrDefault(ordinal, new SampleRows());
                        boolean histogram = rows.getInt(16) == 1;
                        var metric = new Metric(number(rows, 17), number(rows, 18), Double.NaN, Double.NaN,
                                rows.getString(15), histogram ? List.of() : samples.rawData(),
                                histogram ? samples.histogram() : List.of());
                        byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(new BenchmarkResult(
                                rows.getString(5), rows.getString(6), params(rows.getString(7)), rows.getInt(8),
                                rows.getInt(9), Optional.empty(), List.of(), Optional.ofNullable(rows.getString(12)),
                                Optional.ofNullable(rows.getString(13)), Optional.empty(),
                                Optional.ofNullable(rows.getString(14)), rows.getInt(10), "", rows.getInt(11), "",
                                metric, Map.of()));
                    }
                }
            }
        }
        Path source = Path.of(run.source());
        List<ResultSet> sets = new ArrayList<>();
        byFile.forEach((file, results) -> {
            ResultSetHeader header = headers.get(file);
            sets.add(new ResultSet(source.resolve(file), header.cores() == null ? OptionalInt.empty()
                    : OptionalInt.of(header.cores()), header.python(), results));
        });
        String label = run.testbed().name() + " · " + (run.commit() == null ? "no commit"
                : run.commit().substring(0, Math.min(10, run.commit().length()))) + " · " + run.time();
        return new RunInput(source, label, manifest, sets);
    }

    private record ResultSetHeader(Integer cores, boolean python) {
    }

    /** The sample rows of one result, grouped back into forks and iterations. */
    private static final class SampleRows {
        private final List<List<List<HistogramBin>>> forks = new ArrayList<>();

        void add(int fork, int iteration, double value, long count) {
            while (forks.size() <= fork) {
                forks.add(new ArrayList<>());
            }
            List<List<HistogramBin>> iterations = forks.get(fork);
            while (iterations.size() <= iteration) {
                iterations.add(new ArrayList<>());
            }
            iterations.get(iteration).add(new HistogramBin(value, count));
        }

        List<List<Double>> rawData() {
            return forks.stream().map(f -> f.stream().map(bins -> bins.get(0).value()).toList()).toList();
        }

        List<List<List<HistogramBin>>> histogram() {
            return forks;
        }
    }

    /** A fixed-width UTC time, so that text order is time order in either database. */
    static String format(Instant time) {
        return TIME.format(time.truncatedTo(ChronoUnit.MILLIS));
    }

    private static RunManifest manifest(String text) throws SQLException {
        try {
            return JSON.readValue(text, RunManifest.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored manifest is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("params cannot be written as JSON", e);
        }
    }

    private static Map<String, String> params(String json) {
        try {
            return JSON.readValue(json, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored params are not a JSON object: " + json, e);
        }
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isFinite(value)) {
            statement.setDouble(index, value);
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private static double number(java.sql.ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? Double.NaN : value;
    }

    private static Integer integer(java.sql.ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }
}
