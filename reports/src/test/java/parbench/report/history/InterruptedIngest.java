package parbench.report.history;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;

/**
 * The child process of the killed-ingest test: writes a whole run inside one open transaction, says
 * {@value #WRITTEN} on stdout, then waits on stdin (the test kills it there, before any commit). Exits by itself when
 * stdin closes, so it never outlives the test.
 */
final class InterruptedIngest {

    static final String WRITTEN = "written, not committed";

    private InterruptedIngest() {
    }

    public static void main(String[] args) throws Exception {
        var database = HistoryDatabase.open(DatabaseLocation.parse(args[0]));
        IncomingRun run = IncomingRun.read(Path.of(args[1]), IncomingRun.Overrides.none(), Instant.now());
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            if (HistoryStore.write(connection, run) != HistoryStore.Outcome.STORED) {
                throw new IllegalStateException("the run was already stored");
            }
            System.out.println(WRITTEN);
            System.out.flush();
            waitForStdinToClose();
            connection.rollback();
        }
    }

    private static void waitForStdinToClose() throws IOException {
        while (System.in.read() >= 0) {
            // the test never writes; only its kill or its exit ends this
        }
    }
}
