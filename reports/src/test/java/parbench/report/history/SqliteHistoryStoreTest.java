package parbench.report.history;

/** The history store's behaviour on an SQLite file in a temporary folder. */
class SqliteHistoryStoreTest extends HistoryStoreContract {

    private int databases;

    @Override
    String newDatabase() {
        return temp.resolve("history-" + (++databases) + ".sqlite").toString();
    }
}
