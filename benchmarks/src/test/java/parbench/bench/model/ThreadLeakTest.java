package parbench.bench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code close()} leaves no thread of the model alive, after good and failed batches alike. */
class ThreadLeakTest {

    /** The JVM's own, shared by every user; they retire on their own after a keep-alive. */
    private static final String COMMON_POOL_WORKER = "ForkJoinPool.commonPool-worker";
    /** The carriers of the JVM's shared virtual-thread scheduler; also retire after a keep-alive. */
    private static final String CARRIER_THREAD = "jdk.internal.misc.CarrierThread";

    @ParameterizedTest
    @MethodSource("parbench.bench.model.InProcessModels#all")
    void closeLeavesNoThreadBehind(ModelType type) throws InterruptedException {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        var model = type.create(ModelSettings.ofJobs(4).withTaskTimeout(Duration.ofMillis(200)));
        var healthy = ScriptedWorkload.failingAt();
        model.run(healthy, healthy.inputs(32));
        var failing = ScriptedWorkload.failingAt(5);
        assertThat(catchThrowable(() -> model.run(failing, failing.inputs(32)))).isInstanceOf(TaskFailedException.class);

        model.close();

        List<Thread> leftovers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(thread -> !thread.getName().startsWith(COMMON_POOL_WORKER))
                .filter(thread -> !thread.getClass().getName().equals(CARRIER_THREAD))
                .toList();
        for (Thread thread : leftovers) {
            thread.join(Duration.ofSeconds(5)); // a pool worker may still be returning from its run loop
        }
        assertThat(leftovers).filteredOn(Thread::isAlive).extracting(Thread::getName).isEmpty();
    }
}
