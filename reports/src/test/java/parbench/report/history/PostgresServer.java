package parbench.report.history;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, private to the JVM that starts it: {@code initdb} into a temporary folder,
 * {@code pg_ctl start} on a free loopback port (socket in that folder, trust authentication, fsync off), and
 * {@link #close} stops it and deletes the folder.
 *
 * <p>initdb refuses to run as root, and the tests run as root on CI: then every server command runs as the
 * {@code postgres} user that Debian's package creates ({@code runuser -u postgres}), and the folder is handed to it.
 * The binaries are found in {@code $PARBENCH_PG_BIN} or the newest {@code /usr/lib/postgresql/<v>/bin}.
 *
 * <p>When the server cannot start, the test is skipped on a developer's machine and fails under {@code CI=true}, so
 * CI never passes by silently not testing PostgreSQL. Not thread-safe to start; {@link #newDatabase} is.
 */
final class PostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "parbench";
    private static final long TIMEOUT_SECONDS = 120;
    private final Path folder;
    private final Path bin;
    private final boolean asPostgresUser;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path folder, Path bin, boolean asPostgresUser, int port) {
        this.folder = folder;
        this.bin = bin;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
    }

    /** Starts a server, or skips (fails under CI=true) the calling test with the reason. */
    static PostgresServer start() {
        try {
            return startOrThrow();
        } catch (IOException | RuntimeException e) {
            String reason = "PostgreSQL test server cannot start: " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true: the PostgreSQL tests must run)", e);
            }
            Assumptions.abort(reason);
            throw new AssertionError("unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    private static PostgresServer startOrThrow() throws IOException, InterruptedException {
        Path bin = binaries();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path folder = Files.createTempDirectory("parbench-pg");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        PostgresServer server = new PostgresServer(folder, bin, root, port);
        try {
            if (root) {
                run(List.of("chown", "postgres:postgres", folder.toString()));
            }
            server.server("initdb", "-D", folder.resolve("data").toString(), "-A", "trust", "-U", SUPERUSER,
                    "-E", "UTF8", "--no-sync", "--no-instructions");
            server.server("pg_ctl", "-D", folder.resolve("data").toString(), "-l", folder.resolve("server.log")
                    .toString(), "-w", "-t", "60", "-o", "-p " + port + " -k " + folder
                    + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A new, empty database on this server; returns its JDBC URL. */
    String newDatabase() throws SQLException {
        String name = "history_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    int port() {
        return port;
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    @Override
    public void close() {
        try {
            if (Files.exists(folder.resolve("data").resolve("postmaster.pid"))) {
                server("pg_ctl", "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "-t", "60", "stop");
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("stopping the PostgreSQL test server in " + folder, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL", e);
        } finally {
            delete(folder);
        }
    }

    private void server(String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                    + new String(output).replaceAll("\\s+", " ").trim());
        }
    }

    private static Path binaries() throws IOException {
        String configured = System.getenv("PARBENCH_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            throw new IOException("no /usr/lib/postgresql (apt-get install postgresql) and no PARBENCH_PG_BIN");
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElseThrow(() -> new IOException("no initdb under /usr/lib/postgresql/*/bin"));
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\..*$", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("deleting " + folder, e);
        }
    }
}
