package parbench.workload.wiki;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The live threads that a client or stub started and did not stop: OkHttp's dispatcher and
 * connection threads, Jetty's ({@code qtp...}) and WireMock's. OkHttp's JVM-wide
 * {@code OkHttp TaskRunner} threads are excluded: no client owns them, and they idle out by
 * themselves after a minute.
 */
final class LingeringThreads {

    private LingeringThreads() {}

    /** Names of such threads alive now that were not in {@code before}. */
    static List<String> startedSince(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(thread -> !before.contains(thread))
                .map(Thread::getName)
                .filter(LingeringThreads::ownedByClientOrStub)
                .toList();
    }

    private static boolean ownedByClientOrStub(String name) {
        return (name.startsWith("OkHttp") && !name.startsWith("OkHttp TaskRunner"))
                || name.startsWith("qtp")
                || name.toLowerCase(Locale.ROOT).contains("wiremock");
    }
}
