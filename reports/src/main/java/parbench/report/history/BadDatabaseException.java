package parbench.report.history;

/**
 * The history database named by {@code --db} (or {@code PARBENCH_DB}) cannot be used: an unknown JDBC scheme, a
 * folder that does not exist, a server that refuses the connection, a file that is not a database. The message is one
 * line naming the database and the reason; the CLI prints it and exits 2.
 */
public final class BadDatabaseException extends Exception {

    public BadDatabaseException(String database, String reason) {
        super(database + ": " + reason);
    }

    public BadDatabaseException(String database, String reason, Throwable cause) {
        super(database + ": " + reason, cause);
    }
}
