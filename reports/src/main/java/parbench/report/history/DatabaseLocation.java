package parbench.report.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the history lives: a JDBC URL of one of the two supported databases. {@code --db} takes
 * {@code jdbc:sqlite:FILE}, {@code jdbc:postgresql://HOST:PORT/DB?user=...}, or a plain file path, which means
 * SQLite. Without {@code --db} the {@value #ENVIRONMENT} variable decides, and without that
 * {@value #DEFAULT_FILE}.
 *
 * @param url    the JDBC URL handed to the driver
 * @param kind   which database it is
 * @param shown  how messages name it (the URL without its query string, which may carry a password)
 */
public record DatabaseLocation(String url, Kind kind, String shown) {

    /** The environment variable read when {@code --db} is not given. */
    public static final String ENVIRONMENT = "PARBENCH_DB";
    /** The default database: an SQLite file beside the run directories. */
    public static final String DEFAULT_FILE = "results/history.sqlite";

    /** The databases the history runs on: one schema, one code path, different drivers. */
    public enum Kind { SQLITE, POSTGRESQL }

    /**
     * The location {@code --db VALUE} names, or (VALUE null) {@code PARBENCH_DB} from {@code environment}, or the
     * default file. A SQLite file's folder must exist; the file itself is created on first use.
     */
    public static DatabaseLocation resolve(String value, Map<String, String> environment) throws BadDatabaseException {
        String given = value;
        if (given == null || given.isBlank()) {
            given = Optional.ofNullable(environment.get(ENVIRONMENT)).filter(s -> !s.isBlank()).orElse(DEFAULT_FILE);
        }
        return parse(given.trim());
    }

    /** Parses one {@code --db} value; the error names it and says what is accepted. */
    public static DatabaseLocation parse(String value) throws BadDatabaseException {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            if (!lower.startsWith("jdbc:postgresql://") || value.length() <= "jdbc:postgresql://".length()) {
                throw new BadDatabaseException(value, "a PostgreSQL URL is jdbc:postgresql://HOST[:PORT]/DATABASE");
            }
            int query = value.indexOf('?');
            return new DatabaseLocation(value, Kind.POSTGRESQL, query < 0 ? value : value.substring(0, query));
        }
        if (lower.startsWith("jdbc:sqlite:")) {
            return sqlite(value.substring("jdbc:sqlite:".length()), value);
        }
        if (lower.startsWith("jdbc:")) {
            throw new BadDatabaseException(value, "unsupported database; --db takes jdbc:sqlite:FILE,"
                    + " jdbc:postgresql://HOST/DB or a file path (SQLite)");
        }
        return sqlite(value, value);
    }

    private static DatabaseLocation sqlite(String file, String given) throws BadDatabaseException {
        String path = file.startsWith("file:") ? file.substring("file:".length()) : file;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isBlank() || path.equals(":memory:")) {
            throw new BadDatabaseException(given, "the history needs a database file, e.g. " + DEFAULT_FILE);
        }
        Path absolute = Path.of(path).toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new BadDatabaseException(given, "is a directory, not an SQLite file");
        }
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new BadDatabaseException(given, "the folder " + folder + " does not exist");
        }
        return new DatabaseLocation("jdbc:sqlite:" + absolute, Kind.SQLITE, path);
    }
}
