package parbench.report.analysis;

import java.util.Locale;

/**
 * What a benchmark's work is, which decides its physical ideal (see DESIGN.md):
 * sleep {@code ceil(n/min(p,n)) x taskMillis}; I/O {@code ceil(n/c) x latencyMillis}; CPU {@code T1 / min(cores, p)}.
 * Dispatch (per-task overhead) and foreign benchmarks have no ideal.
 */
public enum WorkloadKind {
    SLEEP, IO, CPU, DISPATCH, OTHER;

    /** Recognises this suite's benchmark classes by name: {@code SleepBenchmark}, {@code WikiBenchmark}, ... */
    public static WorkloadKind of(String benchmarkClass) {
        String name = benchmarkClass.toLowerCase(Locale.ROOT);
        if (name.startsWith("sleep") || name.startsWith("computex")) {
            return SLEEP;
        }
        if (name.startsWith("wiki") || name.startsWith("io")) {
            return IO;
        }
        if (name.startsWith("cpu")) {
            return CPU;
        }
        if (name.startsWith("dispatch")) {
            return DISPATCH;
        }
        return OTHER;
    }
}
