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
    void aWorkerBusyWithALongTaskExitsWhenItsParentDies(@TempDir Path dir) throws Exception {
        // GIVEN a worker whose parent is a shell (its stdin still open: the pipe stays with this test), busy with a
        // ten-minute task
        var command = new java.util.ArrayList<>(java.util.List.of("sh", "-c", "\"$@\"; exit $?", "sh"));
        command.addAll(WorkerCommand.workerMain().command());
        Process shell = new ProcessBuilder(command).redirectError(dir.resolve("shell-stderr.txt").toFile()).start();
        ProcessHandle busy = null;
        try {
            var toWorker = new OutputStreamWriter(shell.getOutputStream(), StandardCharsets.UTF_8);
            var fromWorker = new BufferedReader(new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8));
            long workerPid = codec.readReady(fromWorker.readLine()).pid();
            busy = ProcessHandle.of(workerPid).orElseThrow();
            ProcessHandle watched = busy;
            var tenMinutes = new WorkloadSpec(ComputeX.ID, Map.of("taskMillis", "600000", "y", "2"));
            toWorker.write(codec.write(new TaskFrame(0, tenMinutes, codec.toTree(7))) + "\n");
            toWorker.flush();

            // WHEN the shell dies by SIGKILL, which no shutdown hook sees
            shell.destroyForcibly();

            // THEN the worker ends within seconds, not after its task (a zombie waiting for init counts as ended)
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> !parbench.bench.sweep.ProcessTree.isRunning(watched));
        } finally {
            shell.destroyForcibly();
            if (busy != null) {
                busy.destroyForcibly();
            }
        }
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
