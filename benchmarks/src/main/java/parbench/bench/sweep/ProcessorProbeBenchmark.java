package parbench.bench.sweep;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What does a benchmark fork really see? The sweep runs this probe at every core count, launched
 * exactly like the measured benchmarks (same {@code taskset}, same {@code -jvmArgsAppend}), and
 * records what it prints: the processors the JVM reports ({@code availableProcessors}, set by
 * {@code -XX:ActiveProcessorCount}) and the CPUs the kernel lets it run on (Linux
 * {@code Cpus_allowed_list}; {@code unknown} elsewhere). If the two disagree with the core count,
 * the enforcement did not work and the manifest shows it.
 *
 * <p>The score is the processor count itself (so the JSON carries it too); its throughput is
 * meaningless. Run alone: {@code taskset -c 0 java -jar benchmarks.jar ProcessorProbeBenchmark -f 1
 * -wi 0 -i 1 -jvmArgsAppend -XX:ActiveProcessorCount=1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ProcessorProbeBenchmark {

    /** The line the sweep parses from JMH's output; keep in step with {@link JmhProgress}. */
    @Setup
    public void report() {
        String cpus = CpuAffinity.ofCurrentProcess().map(CpuAffinity::toList).orElse("unknown");
        System.out.println("parbench: availableProcessors=" + Runtime.getRuntime().availableProcessors()
                + " affinity=" + cpus);
    }

    @Benchmark
    public int availableProcessors() {
        return Runtime.getRuntime().availableProcessors();
    }
}
