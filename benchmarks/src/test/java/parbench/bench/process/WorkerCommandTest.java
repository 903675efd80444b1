package parbench.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a worker JVM's command line carries over from its parent. */
class WorkerCommandTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty("parbench.test.marker");
    }

    @Test
    void runsTheParentsJavaAndClassPath() {
        var command = WorkerCommand.workerMain().command();

        assertThat(command.getFirst()).isEqualTo(ProcessHandle.current().info().command().orElseThrow());
        assertThat(command).containsSubsequence("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName());
        assertThat(command.getLast()).isEqualTo(WorkerMain.class.getName());
    }

    @Test
    void passesParbenchPropertiesOn() {
        System.setProperty("parbench.test.marker", "http://127.0.0.1:1234");

        assertThat(WorkerCommand.workerMain().command()).contains("-Dparbench.test.marker=http://127.0.0.1:1234");
    }

    @Test
    void keepsVmOutputOffTheFrameStream() {
        assertThat(WorkerCommand.workerMain().command())
                .contains("-XX:+DisplayVMOutputToStderr", "-XX:+UseSerialGC", "-Xmx" + WorkerCommand.DEFAULT_HEAP)
                .doesNotContain("-XX:TieredStopAtLevel=1");
    }
}
