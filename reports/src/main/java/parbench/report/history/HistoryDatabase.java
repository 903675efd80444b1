package parbench.report.history;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An opened history database: the schema migrated to the newest version by Flyway (scripts in
 * {@value #MIGRATIONS}), connections handed out on demand.
 *
 * <p>SQLite connections wait up to {@value #BUSY_TIMEOUT_MS} ms for another process's write lock instead of failing,
 * and enforce foreign keys. PostgreSQL connections are plain; concurrent writers are serialised by the primary keys
 * (see {@link HistoryStore#ingest}).
 *
 * <p>Thread-safe: it holds only the location; every {@link #connect()} is a new connection owned by the caller.
 */
public final class HistoryDatabase {

    /** Where Flyway finds the versioned SQL scripts, on the class path (inside the shaded jar too). */
    public static final String MIGRATIONS = "classpath:parbench/report/history/migration";
    static final int BUSY_TIMEOUT_MS = 30_000;
    /**
     * The versions of the scripts in {@value #MIGRATIONS}, in order: a database whose Flyway history lists exactly
     * these is current and opens without Flyway. A new script adds its version here (a test compares the two).
     */
    static final List<String> SCHEMA_VERSIONS = List.of("1", "2");

    private final DatabaseLocation location;

    private HistoryDatabase(DatabaseLocation location) {
        this.location = location;
    }

    /** Opens {@code location} and migrates its schema to the newest version. */
    public static HistoryDatabase open(DatabaseLocation location) throws BadDatabaseException {
        return open(location, MigrationVersion.LATEST);
    }

    /** Opens {@code location} and migrates its schema to {@code target} (older targets exist for migration tests). */
    static HistoryDatabase open(DatabaseLocation location, MigrationVersion target) throws BadDatabaseException {
        HistoryDatabase database = new HistoryDatabase(location);
        boolean current;
        try (Connection probe = database.connect()) {
            probe.getMetaData();
            current = target.equals(MigrationVersion.LATEST) && isCurrent(probe);
        } catch (SQLException e) {
            throw new BadDatabaseException(location.shown(), "cannot connect: " + oneLine(e), e);
        }
        if (current) {
            return database;
        }
        try {
            Flyway.configure(HistoryDatabase.class.getClassLoader())
                    .dataSource(location.url(), null, null)
                    .locations(MIGRATIONS)
                    .target(target)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new BadDatabaseException(location.shown(), "cannot migrate the history schema: " + oneLine(e), e);
        }
        return database;
    }

    /**
     * Whether the schema is already at {@link #SCHEMA_VERSIONS}: Flyway's history table lists exactly those versions,
     * every one applied successfully. Then there is nothing to migrate, and Flyway's start-up (its plugin registry,
     * the scan of the class path for scripts, the validation of every applied script's checksum: most of a short
     * command's start-up) is skipped. Anything else (no history table yet, an older or a newer schema, a failed
     * migration) is Flyway's to handle or to report.
     */
    static boolean isCurrent(Connection connection) {
        List<String> applied = new ArrayList<>();
        try (Statement query = connection.createStatement();
             java.sql.ResultSet rows = query.executeQuery(
                     "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rows.next()) {
                String version = rows.getString(1);
                boolean success = rows.getBoolean(2);
                if (!success) {
                    return false;
                }
                if (version != null) { // Flyway's own rows (a schema it created) have no version
                    applied.add(version);
                }
            }
        } catch (SQLException e) {
            return false; // no history table: a new database, which Flyway creates
        }
        return applied.equals(SCHEMA_VERSIONS);
    }

    public DatabaseLocation location() {
        return location;
    }

    /** A new connection in auto-commit mode; the caller closes it. */
    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (location.kind() == DatabaseLocation.Kind.SQLITE) {
            properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
            properties.setProperty("foreign_keys", "true");
        }
        return DriverManager.getConnection(location.url(), properties);
    }

    private static String oneLine(Throwable e) {
        Throwable deepest = e;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
