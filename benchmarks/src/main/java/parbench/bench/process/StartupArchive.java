package parbench.bench.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A class-data archive that shortens a worker JVM's start-up, chosen with
 * {@code -Dparbench.worker.cds=none|appcds|aot} (default {@code none}) and placed with
 * {@code -Dparbench.worker.cds.file=PATH} (default: a file in {@code java.io.tmpdir} named for
 * the JDK and class path, so a different build never reads a stale archive).
 *
 * <ul>
 *   <li>{@link Kind#NONE}: the JDK's default CDS archive only (JDK classes).</li>
 *   <li>{@link Kind#APP_CDS}: {@code -XX:SharedArchiveFile=F -XX:+AutoCreateSharedArchive}
 *       (JDK 19+): the first worker that exits writes a dynamic archive of the classes it loaded
 *       (Jackson, the workloads); later workers map it. A stale or broken archive is rebuilt by the JVM.</li>
 *   <li>{@link Kind#AOT}: JDK 25's AOT cache (JEP 483/514): {@code -XX:AOTCache=F} when F exists,
 *       else {@code -XX:AOTCacheOutput=F}, which trains on the first worker's run and writes the
 *       cache when it exits (JDK 25 forks a short-lived JVM to assemble it).</li>
 * </ul>
 *
 * @param kind which archive
 * @param file where it lives; ignored for {@link Kind#NONE}
 */
public record StartupArchive(Kind kind, Path file) {

    public enum Kind { NONE, APP_CDS, AOT }

    public StartupArchive {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(file);
    }

    public static StartupArchive none() {
        return new StartupArchive(Kind.NONE, Path.of(""));
    }

    /** The archive the {@code parbench.worker.cds*} properties ask for; the error names a bad value. */
    public static StartupArchive fromSystemProperties() {
        String value = System.getProperty("parbench.worker.cds", "none").toLowerCase(Locale.ROOT);
        Kind kind = switch (value) {
            case "none", "" -> Kind.NONE;
            case "appcds", "cds" -> Kind.APP_CDS;
            case "aot" -> Kind.AOT;
            default -> throw new IllegalArgumentException(
                    "-Dparbench.worker.cds=" + value + " is not one of none, appcds, aot");
        };
        if (kind == Kind.NONE) {
            return none();
        }
        String file = System.getProperty("parbench.worker.cds.file");
        return new StartupArchive(kind, file != null ? Path.of(file) : defaultFile(kind));
    }

    private static Path defaultFile(Kind kind) {
        int key = (System.getProperty("java.home") + System.getProperty("java.vm.version")
                + System.getProperty("java.class.path")).hashCode();
        String name = "parbench-worker-%08x.%s".formatted(key, kind == Kind.AOT ? "aot" : "jsa");
        return Path.of(System.getProperty("java.io.tmpdir"), name);
    }

    /** The flags to add to a worker's command line now (for AOT: use or train, by whether the cache exists). */
    public List<String> jvmFlags() {
        return switch (kind) {
            case NONE -> List.of();
            case APP_CDS -> List.of("-XX:SharedArchiveFile=" + file, "-XX:+AutoCreateSharedArchive");
            case AOT -> Files.isRegularFile(file)
                    ? List.of("-XX:AOTCache=" + file)
                    : List.of("-XX:AOTCacheOutput=" + file);
        };
    }
}
