package parbench.bench.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import parbench.workload.Workload;
import parbench.workload.WorkloadSpec;

/**
 * The worker JVM's {@code main}: reads {@link TaskFrame}s from stdin, runs each on the workload
 * its spec rebuilds, and answers a {@link ResultFrame} per task on stdout (protocol:
 * {@link FrameCodec}).
 *
 * <ul>
 *   <li>The first line on stdout is a {@link ReadyFrame}; stdout carries frames only:
 *       {@code System.out} is pointed at stderr, so a library that prints cannot corrupt the stream.</li>
 *   <li>Tasks run one at a time, in the order read; each result is flushed at once, so the parent's
 *       per-task clock sees every answer.</li>
 *   <li>A task that throws (or whose spec or input cannot be rebuilt) is answered with an error
 *       frame naming the exception; the worker carries on.</li>
 *   <li>Workloads are opened once per distinct spec, cached, and closed when the worker ends.</li>
 *   <li>Exit status 0 when stdin closes (the parent closed it, or died) while the worker is idle;
 *       {@value #EXIT_INPUT_ENDED_MID_TASK} at once when it closes while a task runs: a thread of its
 *       own reads stdin, so a worker busy with a long task does not outlive its parent by that task.
 *       {@value #EXIT_MALFORMED} after a line that is not a task frame, with the reason on stderr.</li>
 * </ul>
 *
 * <p><b>Fault hook, for tests only.</b> {@code -D}{@value #OUTPUT_FAULT_PROPERTY}{@code =CLASS} names a
 * {@code UnaryOperator<JsonNode>} that rewrites every answer after the task computed it: a worker
 * that answers wrongly, so that the benchmark's own check ({@code BatchHarness.verify}) must catch
 * it. The class must be on the worker's class path; the only ones are in the test sources
 * ({@code parbench.bench.faults}), never in {@code benchmarks.jar}, so a real sweep cannot set it by
 * accident: there the worker fails to start, naming the class. Read once, when the worker starts.
 *
 * <p>Thread-safety: one thread ({@code parbench-worker-stdin}) reads stdin, the main thread runs the
 * tasks; they meet in a queue of lines and in {@link #running}, guarded by {@code this}.
 */
public final class WorkerMain {

    /** Exit status after a malformed frame on stdin. */
    public static final int EXIT_MALFORMED = 2;

    /** Exit status when stdout cannot be written (the parent went away mid-answer). */
    public static final int EXIT_IO = 3;

    /**
     * Exit status when stdin ends while a task runs: the parent died or closed the pool mid-batch,
     * and nobody will read the answer. The task is abandoned (a thread cannot be stopped; the JVM halts).
     */
    public static final int EXIT_INPUT_ENDED_MID_TASK = 4;

    /** Names the test-only class that rewrites every answer (see the class comment); absent in a real sweep. */
    public static final String OUTPUT_FAULT_PROPERTY = "parbench.testFault.workerOutput";

    /** What the stdin thread queues when stdin ends. */
    private static final Optional<String> END = Optional.empty();

    private final FrameCodec codec = new FrameCodec();
    private final Map<WorkloadSpec, Workload<?, ?>> workloads = new HashMap<>();
    private final PrintStream log;
    /** The test-only rewrite of each answer, identity unless {@value #OUTPUT_FAULT_PROPERTY} names one. */
    private final UnaryOperator<JsonNode> outputFault;
    private final long pid = ProcessHandle.current().pid();
    /** Lines read from stdin; {@link #END} last. */
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    /** The index of the task now running, or -1; guarded by {@code this}. */
    private int running = -1;
    /** Whether stdin has ended; guarded by {@code this}. */
    private boolean inputEnded;

    private WorkerMain(PrintStream log, UnaryOperator<JsonNode> outputFault) {
        this.log = log;
        this.outputFault = outputFault;
    }

    /** The fault {@value #OUTPUT_FAULT_PROPERTY} names, or the identity. */
    @SuppressWarnings("unchecked")
    static UnaryOperator<JsonNode> outputFault() {
        String name = System.getProperty(OUTPUT_FAULT_PROPERTY);
        if (name == null) {
            return UnaryOperator.identity();
        }
        try {
            return (UnaryOperator<JsonNode>) Class.forName(name).getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("-D" + OUTPUT_FAULT_PROPERTY + "=" + name
                    + ": not a test fault on the class path (a UnaryOperator<JsonNode> with a public no-argument constructor)", e);
        }
    }

    public static void main(String[] args) {
        var stdout = new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
        System.setOut(System.err);
        var stdin = new BufferedReader(new InputStreamReader(
                new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
        System.exit(new WorkerMain(System.err, outputFault()).serve(stdin, stdout));
    }

    /** Serves until stdin ends; returns the exit status. */
    private int serve(BufferedReader stdin, Writer stdout) {
        Thread.ofPlatform().daemon().name("parbench-worker-stdin").start(() -> readInput(stdin));
        try {
            send(stdout, new ReadyFrame(pid));
            String line;
            while ((line = nextLine()) != null) {
                TaskFrame task;
                try {
                    task = codec.readTask(line);
                } catch (JsonProcessingException e) {
                    log.println("parbench worker pid " + pid + ": malformed frame on stdin, exiting: "
                            + FrameCodec.quote(line) + " (" + e.getOriginalMessage() + ")");
                    return EXIT_MALFORMED;
                }
                if (!start(task.index())) {
                    return 0; // stdin ended meanwhile: nobody waits for this task
                }
                ResultFrame result = execute(task);
                finish();
                send(stdout, result);
            }
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EXIT_IO;
        } catch (IOException e) {
            log.println("parbench worker pid " + pid + ": cannot talk to the parent, exiting: " + e);
            return EXIT_IO;
        } finally {
            closeWorkloads();
        }
    }

    /** Reads stdin to its end on its own thread; halts the JVM when it ends under a running task. */
    private void readInput(BufferedReader stdin) {
        try {
            String line;
            while ((line = stdin.readLine()) != null) {
                lines.add(Optional.of(line));
            }
        } catch (IOException e) {
            log.println("parbench worker pid " + pid + ": reading stdin failed, taking it as ended: " + e);
        }
        int task;
        synchronized (this) {
            inputEnded = true;
            task = running;
        }
        if (task >= 0) {
            log.println("parbench worker pid " + pid + ": stdin ended while task " + task
                    + " runs (the parent died or closed the pool); exiting without finishing it");
            log.flush();
            Runtime.getRuntime().halt(EXIT_INPUT_ENDED_MID_TASK);
        }
        lines.add(END);
    }

    /** The next line of stdin, or null at its end. */
    private String nextLine() throws InterruptedException {
        return lines.take().orElse(null);
    }

    /** Marks task {@code index} running; false (and nothing marked) when stdin has already ended. */
    private synchronized boolean start(int index) {
        if (inputEnded) {
            return false;
        }
        running = index;
        return true;
    }

    private synchronized void finish() {
        running = -1;
    }

    private void send(Writer stdout, Object frame) throws IOException {
        stdout.write(codec.write(frame));
        stdout.write('\n');
        stdout.flush();
    }

    private ResultFrame execute(TaskFrame task) {
        try {
            Workload<?, ?> workload = workloads.computeIfAbsent(task.spec(), WorkloadSpec::open);
            return ResultFrame.success(task.index(), outputFault.apply(codec.toTree(apply(workload, task))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ResultFrame.failure(task.index(), e);
        } catch (Exception e) {
            return ResultFrame.failure(task.index(), e);
        }
    }

    private <I, O> O apply(Workload<I, O> workload, TaskFrame task) throws Exception {
        return workload.apply(codec.fromTree(task.input(), workload.inputType()));
    }

    private void closeWorkloads() {
        for (Workload<?, ?> workload : workloads.values()) {
            try {
                workload.close();
            } catch (Exception e) {
                log.println("parbench worker pid " + pid + ": closing workload " + workload.spec() + " failed: " + e);
            }
        }
        workloads.clear();
    }
}
