package parbench.report.history;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
        try (Connection probe = database.connect()) {
            probe.getMetaData();
        } catch (SQLException e) {
            throw new BadDatabaseException(location.shown(), "cannot connect: " + oneLine(e), e);
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
