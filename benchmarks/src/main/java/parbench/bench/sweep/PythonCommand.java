package parbench.bench.sweep;

/**
 * {@code parbench python}: the seed article's Python approaches through the core-count sweep, without
 * the JMH benchmarks. The options are {@code parbench run}'s (see {@link RunCommand}), so a Python run
 * directory has the same shape, core counts, pinning and stub as a JVM one.
 */
public final class PythonCommand {

    private PythonCommand() {}

    public static void main(String[] args) {
        System.exit(RunCommand.pythonCommandLine().execute(args));
    }
}
