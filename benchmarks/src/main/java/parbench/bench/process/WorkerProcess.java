package parbench.bench.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One worker JVM: the process, the writer on its stdin, and a reader thread that turns its stdout
 * into {@link WorkerEvent}s. Its stderr is inherited: worker logs appear in the parent's stderr.
 *
 * <p>Thread-safety: {@link #send}, the task book-keeping ({@link #inFlight()}, {@link #ready},
 * {@link #clockStart}) and {@link #retire} belong to the one thread running a batch of the owning
 * {@link ProcessWorkerPool}; {@link #closeInput()}, {@link #destroy} and {@link #awaitExit} may be
 * called from any thread.
 */
final class WorkerProcess {

    private final Process process;
    private final Writer stdin;
    private final Thread reader;
    private final long startNanos;
    private final Deque<Integer> inFlight = new ArrayDeque<>();
    private boolean ready;
    private boolean retired;
    private long clockStart;
    private long firstAnswerNanos;

    private WorkerProcess(Process process, long startNanos, FrameCodec codec, BlockingQueue<WorkerEvent> events) {
        this.process = process;
        this.startNanos = startNanos;
        this.clockStart = startNanos;
        this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
        this.reader = Thread.ofPlatform()
                .name("parbench-worker-" + process.pid() + "-reader")
                .daemon(true)
                .unstarted(() -> read(codec, events));
    }

    /** Starts the worker process and its reader; events go to {@code events}. */
    static WorkerProcess start(WorkerCommand command, FrameCodec codec, BlockingQueue<WorkerEvent> events) {
        List<String> line = command.command();
        long startNanos = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(line)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a worker JVM: " + line.getFirst() + " ... "
                    + line.getLast() + ": " + e.getMessage(), e);
        }
        var worker = new WorkerProcess(process, startNanos, codec, events);
        worker.reader.start();
        return worker;
    }

    private void read(FrameCodec codec, BlockingQueue<WorkerEvent> events) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
            String line = lines.readLine();
            if (line == null) {
                events.add(new WorkerEvent.Ended(this, null));
                return;
            }
            try {
                codec.readReady(line);
            } catch (JsonProcessingException e) {
                events.add(new WorkerEvent.Malformed(this, line, e));
                return;
            }
            events.add(new WorkerEvent.Ready(this));
            while ((line = lines.readLine()) != null) {
                try {
                    events.add(new WorkerEvent.Result(this, codec.readResult(line)));
                } catch (JsonProcessingException e) {
                    events.add(new WorkerEvent.Malformed(this, line, e));
                    return;
                }
            }
            events.add(new WorkerEvent.Ended(this, null));
        } catch (IOException e) {
            events.add(new WorkerEvent.Ended(this, e));
        }
    }

    long pid() {
        return process.pid();
    }

    /** Writes the task frames and flushes once: one hand-off. */
    void send(FrameCodec codec, List<TaskFrame> frames) throws IOException {
        for (TaskFrame frame : frames) {
            stdin.write(codec.write(frame));
            stdin.write('\n');
        }
        stdin.flush();
    }

    /** Indexes of tasks sent and not yet answered, oldest (the running one) first. */
    Deque<Integer> inFlight() {
        return inFlight;
    }

    boolean ready() {
        return ready;
    }

    void markReady(long nowNanos) {
        ready = true;
        clockStart = nowNanos;
    }

    /** Since when the task now running (or the start-up) has been on the clock. */
    long clockStart() {
        return clockStart;
    }

    void restartClock(long nowNanos) {
        clockStart = nowNanos;
    }

    boolean retired() {
        return retired;
    }

    /** Takes the worker out of service: it gets no more tasks and its events are ignored. */
    void retire() {
        retired = true;
    }

    /** Notes the first answer: the end of this worker's spawn time. */
    void markAnswered(long nowNanos) {
        if (firstAnswerNanos == 0) {
            firstAnswerNanos = nowNanos;
        }
    }

    /** From {@link ProcessBuilder#start()} to the first answered task; {@code null} before that. */
    Duration spawnTime() {
        return firstAnswerNanos == 0 ? null : Duration.ofNanos(firstAnswerNanos - startNanos);
    }

    /** Closes the worker's stdin: a healthy worker finishes what it read and exits 0. */
    void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // the pipe is already broken: the worker is gone or going, which is what closing asks for
            System.err.println("parbench: closing stdin of worker pid " + pid() + ": " + e.getMessage());
        }
    }

    void destroy() {
        process.destroyForcibly();
    }

    /**
     * Waits up to {@code timeout} for the worker to exit.
     *
     * @return its exit status, or {@code null} if it is still running
     */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        try {
            return process.onExit().get(timeout.toNanos(), TimeUnit.NANOSECONDS).exitValue();
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for worker pid " + pid() + " to exit", e.getCause());
        }
    }

    /** {@code "exit status N"}, after destroying the worker if it has not exited within {@code grace}. */
    String endAndDescribe(Duration grace) throws InterruptedException {
        Integer status = awaitExit(grace);
        if (status == null) {
            destroy();
            status = awaitExit(Duration.ofSeconds(10));
        }
        return status == null ? "still running after destroyForcibly" : "exit status " + status;
    }

    /** Waits for the reader thread to finish (it does once the worker's stdout ends). */
    void joinReader(Duration timeout) throws InterruptedException {
        reader.join(timeout);
    }

    boolean alive() {
        return process.isAlive();
    }
}
