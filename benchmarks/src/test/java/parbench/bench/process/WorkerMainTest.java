package parbench.bench.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import parbench.workload.ComputeX;
import parbench.workload.NoopTask;
import parbench.workload.WorkloadSpec;

/** The worker's side of the protocol, driven frame by frame through a real {@link WorkerMain} process. */
@ExtendWith(NoDescendants.class)
class WorkerMainTest {

    private final FrameCodec codec = new FrameCodec();
    private Process worker;
    private Writer stdin;
    private BufferedReader stdout;
    private Path stderr;

    @BeforeEach
    void startWorker(@TempDir Path dir) throws IOException {
        stderr = dir.resolve("stderr.txt");
        worker = new ProcessBuilder(WorkerCommand.workerMain().command())
                .redirectError(stderr.toFile())
                .start();
        stdin = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8);
        stdout = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
    }

    @AfterEach
    void endWorker() throws Exception {
        worker.destroyForcibly();
        worker.onExit().get(30, TimeUnit.SECONDS);
        stdout.close();
    }

    @Test
    void firstSaysItIsReadyWithItsPid() throws IOException {
        assertThat(codec.readReady(stdout.readLine())).isEqualTo(new ReadyFrame(worker.pid()));
    }

    @Test
    void exitsZeroWhenStdinCloses() throws Exception {
        stdout.readLine();

        stdin.close();

        assertThat(worker.onExit().get(30, TimeUnit.SECONDS).exitValue()).isZero();
    }

    @Test
    void aWorkerBusyWithALongTaskExitsWhenStdinCloses() throws Exception {
        // GIVEN a worker that has answered one task and holds a ten-minute one
        stdout.readLine();
        var tenMinutes = new WorkloadSpec(ComputeX.ID, Map.of("taskMillis", "600000", "y", "2"));
        stdin.write(codec.write(new TaskFrame(0, new NoopTask().spec(), codec.toTree(1))) + "\n"
                + codec.write(new TaskFrame(1, tenMinutes, codec.toTree(7))) + "\n");
        stdin.flush();
        assertThat(codec.readResult(stdout.readLine())).isEqualTo(ResultFrame.success(0, codec.toTree(1)));

        // WHEN its stdin closes, as it does when the parent dies
        stdin.close();

        // THEN it exits now, not after the task
        assertThat(worker.onExit().get(30, TimeUnit.SECONDS).exitValue())
                .isIn(0, WorkerMain.EXIT_INPUT_ENDED_MID_TASK);
        assertThat(stdout.readLine()).as("no answer to the abandoned task").isNull();
    }

    @Test
    void answersATaskWithItsOutput() throws IOException {
        stdout.readLine();

        send(new TaskFrame(4, new NoopTask().spec(), codec.toTree(42)));

        assertThat(codec.readResult(stdout.readLine())).isEqualTo(ResultFrame.success(4, codec.toTree(42)));
    }

    @Test
    void aTaskThatFailsIsAnsweredWithAnErrorAndTheWorkerCarriesOn() throws IOException {
        stdout.readLine();

        send(new TaskFrame(0, new WorkloadSpec("no-such-workload", Map.of()), codec.toTree(1)));
        send(new TaskFrame(1, new NoopTask().spec(), codec.toTree(2)));

        assertThat(codec.readResult(stdout.readLine())).isEqualTo(new ResultFrame(0, null,
                "java.lang.IllegalArgumentException: unknown workload id 'no-such-workload' (known: sleep, cpu, wiki, noop)"));
        assertThat(codec.readResult(stdout.readLine())).isEqualTo(ResultFrame.success(1, codec.toTree(2)));
    }

    @Test
    void aMalformedFrameOnStdinEndsTheWorkerWithAnErrorOnStderr() throws Exception {
        stdout.readLine();

        stdin.write("{not json\n");
        stdin.flush();

        assertThat(worker.onExit().get(30, TimeUnit.SECONDS).exitValue()).isEqualTo(WorkerMain.EXIT_MALFORMED);
        assertThat(stdout.readLine()).isNull();
        assertThat(Files.readString(stderr))
                .contains("parbench worker pid " + worker.pid() + ": malformed frame on stdin, exiting: '{not json'");
    }

    private void send(TaskFrame frame) throws IOException {
        stdin.write(codec.write(frame));
        stdin.write('\n');
        stdin.flush();
    }
}
