package parbench.report.history;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The history store's behaviour on a real PostgreSQL server started for this class. */
class PostgresHistoryStoreTest extends HistoryStoreContract {

    private static PostgresServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String newDatabase() throws Exception {
        return server.newDatabase();
    }

    @Test
    void twoIngestsAtOnceNeitherDuplicateNorLoseARun() throws Exception {
        var database = HistoryDatabase.open(DatabaseLocation.parse(newDatabase()));
        HistoryStore store = new HistoryStore(database);
        List<IncomingRun> runs = syntheticRuns(6);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Long> ingestAll = () -> {
            start.await();
            long stored = 0;
            for (IncomingRun run : runs) {
                if (store.ingest(run) == HistoryStore.Outcome.STORED) {
                    stored++;
                }
            }
            return stored;
        };
        long stored;
        try (ExecutorService two = Executors.newFixedThreadPool(2)) {
            Future<Long> first = two.submit(ingestAll);
            Future<Long> second = two.submit(ingestAll);
            start.countDown();
            stored = first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS);
        }

        assertThat(stored).isEqualTo(runs.size());
        assertThat(store.runCount()).isEqualTo(runs.size());
        assertThat(count(database, "SELECT COUNT(*) FROM result")).isEqualTo(2L * runs.size());
        assertThat(count(database, "SELECT COUNT(*) FROM sample")).isEqualTo(2L * 10 * runs.size());
    }
}
