package parbench.bench.sweep;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JMH options a user gives {@code parbench run} after {@code --}, as far as the sweep must
 * judge them before anything starts: those the sweep sets itself (given twice, JMH stops with
 * "Found multiple arguments"), those that list or explain instead of measuring (they belong on the
 * console, not in a core count's log), and JVM arguments that a fork-less run ({@code -f 0}) ignores.
 *
 * @param tokens the options as given, e.g. {@code [-p, tasks=100, -prof, gc]}
 */
record JmhPassThrough(List<String> tokens) {

    /** Set by the sweep for every JMH run: its JSON result file and the per-fork pinning. */
    static final Set<String> SWEEP_OWNED = Set.of("-rf", "-rff", "-o", "-jvmArgsAppend");
    /** Options after which JMH lists or explains and exits. */
    static final Set<String> LISTING = Set.of("-l", "-lp", "-lprof", "-lrf", "-h");
    /** JVM arguments for forks; with {@code -f 0} there are none. */
    static final Set<String> FORK_JVM_ARGS = Set.of("-jvmArgs", "-jvmArgsPrepend");

    JmhPassThrough {
        tokens = List.copyOf(tokens);
    }

    /**
     * @throws IllegalArgumentException naming the first option the sweep sets itself
     */
    void refuseSweepOwned() {
        tokens.stream().filter(SWEEP_OWNED::contains).findFirst().ifPresent(option -> {
            throw new IllegalArgumentException("-- " + option + " is set by the sweep itself (cores-<c>.json as JSON,"
                    + " jmh-cores-<c>.log, -jvmArgsAppend for the core count); for plain JMH use scripts/parbench jmh");
        });
    }

    /** True when JMH would list or explain rather than measure. */
    boolean lists() {
        return tokens.stream().anyMatch(LISTING::contains);
    }

    /** The warning for JVM arguments a run without forks ignores, if any. */
    Optional<String> ignoredJvmArgs(int forks) {
        if (forks != 0) {
            return Optional.empty();
        }
        return tokens.stream().filter(FORK_JVM_ARGS::contains).findFirst().map(option -> option
                + " does nothing with -f 0 (JMH then runs in the sweep's own JVM, as the smoke profile does);"
                + " add -- -f 1 to fork");
    }
}
