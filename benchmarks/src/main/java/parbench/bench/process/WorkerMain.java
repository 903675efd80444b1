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
 *   <li>Exit status 0 when stdin closes (the parent closed it, or died) while the worker is idle.
 *       {@value #EXIT_MALFORMED} after a line that is not a task frame, with the reason on stderr.</li>
 *   <li>A worker busy with a task when its parent dies does not wait for the task to end: a daemon
 *       thread ({@code parbench-worker-parent-watch}) reads the parent's pid every
 *       {@value #PARENT_POLL_MILLIS} ms and halts the JVM with {@value #EXIT_PARENT_DIED} once the
 *       worker was re-parented (the kernel re-parents a child as its parent exits, before anyone
 *       reaps the parent, so a zombie parent counts as dead). The task path itself is untouched: the
 *       main thread reads stdin and runs tasks as before, with no hand-off between threads.</li>
 * </ul>
 *
 * <p><b>Fault hook, for tests only.</b> {@code -D}{@value #OUTPUT_FAULT_PROPERTY}{@code =CLASS} names a
 * {@code UnaryOperator<JsonNode>} that rewrites every answer after the task computed it: a worker
 * that answers wrongly, so that the benchmark's own check ({@code BatchHarness.verify}) must catch
 * it. The class must be on the worker's class path; the only ones are in the test sources
 * ({@code parbench.bench.faults}), never in {@code benchmarks.jar}, so a real sweep cannot set it by
 * accident: there the worker fails to start, naming the class. Read once, when the worker starts.
 */
public final class WorkerMain {

    /** Exit status after a malformed frame on stdin. */
    public static final int EXIT_MALFORMED = 2;

    /** Exit status when stdout cannot be written (the parent went away mid-answer). */
    public static final int EXIT_IO = 3;

    /** Exit status when the parent died while this worker ran a task. */
    public static final int EXIT_PARENT_DIED = 4;

    /** How often the parent watch reads the parent's pid. */
    static final long PARENT_POLL_MILLIS = 200;

    /** Names the test-only class that rewrites every answer (see the class comment); absent in a real sweep. */
    public static final String OUTPUT_FAULT_PROPERTY = "parbench.testFault.workerOutput";

    private final FrameCodec codec = new FrameCodec();
    private final Map<WorkloadSpec, Workload<?, ?>> workloads = new HashMap<>();
    private final PrintStream log;
    /** The test-only rewrite of each answer, identity unless {@value #OUTPUT_FAULT_PROPERTY} names one. */
    private final UnaryOperator<JsonNode> outputFault;
    private final long pid = ProcessHandle.current().pid();

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

    /**
     * Starts the daemon that halts this JVM once its parent is gone: polling the parent pid, since
     * {@code ProcessHandle.onExit()} of a process that is not our child polls at up to 5 s and counts
     * a zombie as alive.
     */
    private void watchParent() {
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
        if (parent <= 1) {
            return; // already re-parented to init: stdin's end is the only signal left
        }
        Thread.ofPlatform().daemon().name("parbench-worker-parent-watch").start(() -> {
            try {
                while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == parent) {
                    Thread.sleep(PARENT_POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            log.println("parbench worker pid " + pid + ": parent pid " + parent + " died; exiting");
            log.flush();
            Runtime.getRuntime().halt(EXIT_PARENT_DIED);
        });
    }

    public static void main(String[] args) {
        var stdout = new BufferedWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
        System.setOut(System.err);
        var stdin = new BufferedReader(new InputStreamReader(
                new FileInputStream(FileDescriptor.in), StandardCharsets.UTF_8), 1 << 16);
        var worker = new WorkerMain(System.err, outputFault());
        worker.watchParent();
        System.exit(worker.serve(stdin, stdout));
    }

    /** Serves until stdin ends; returns the exit status. */
    private int serve(BufferedReader stdin, Writer stdout) {
        try {
            send(stdout, new ReadyFrame(pid));
            String line;
            while ((line = stdin.readLine()) != null) {
                TaskFrame task;
                try {
                    task = codec.readTask(line);
                } catch (JsonProcessingException e) {
                    log.println("parbench worker pid " + pid + ": malformed frame on stdin, exiting: "
                            + FrameCodec.quote(line) + " (" + e.getOriginalMessage() + ")");
                    return EXIT_MALFORMED;
                }
                send(stdout, execute(task));
            }
            return 0;
        } catch (IOException e) {
            log.println("parbench worker pid " + pid + ": cannot talk to the parent, exiting: " + e);
            return EXIT_IO;
        } finally {
            closeWorkloads();
        }
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
