package parbench.bench.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import parbench.bench.model.TaskFailedException;
import parbench.workload.Workload;
import parbench.workload.WorkloadSpec;

/**
 * {@code size} worker JVMs ({@link WorkerMain}) that run batches of tasks sent as data; the JVM
 * counterpart of Python's {@code multiprocessing.Pool} / joblib's loky backend.
 *
 * <p><b>Dispatch.</b> Each worker holds at most one hand-off of up to {@code chunkSize} tasks;
 * when it has answered all of them it gets the next. One reader thread per worker turns its
 * stdout into events; the thread running the batch consumes them, delivers outcomes and keeps the
 * clocks, so the sink is only ever called from that thread.
 *
 * <p><b>Time-outs.</b> A task is on the clock from the moment its worker could start it: the
 * hand-off to an idle ready worker, the previous answer of the same hand-off, or the worker's
 * {@link ReadyFrame}. Until a worker is ready, its start-up is on a separate clock of
 * {@link #STARTUP_TIMEOUT}, so a slow JVM start does not fail a short-time-out task.
 *
 * <p><b>Broken workers.</b> A worker that exits, closes its stdout, sends a malformed frame, or
 * exceeds the time-out fails the task it was running with a {@link WorkerTaskException} naming the
 * task's index, the worker's pid and its exit status; the worker is destroyed, the rest of its
 * hand-off goes back to the queue, and a fresh worker takes its slot when there is work for it.
 * Under {@link ErrorPolicy#FAIL_FAST} the first failure ends the batch: nothing more is sent, and
 * workers still running tasks of that batch are destroyed (a task running in another JVM is
 * cancelled by ending that JVM) and replaced on the next batch.
 *
 * <p><b>Thread-safety.</b> Batches run one at a time ({@code run} is synchronized).
 * {@link #close()} may be called from any thread, also during a batch, which then fails.
 */
public final class ProcessWorkerPool implements AutoCloseable {

    /** How long a worker may take from start to its {@link ReadyFrame}. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    /** How long {@link #close()} lets workers finish and exit after their stdin closed. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

    /** How long a worker whose stdout ended may take to exit before it is destroyed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

    /** How long to wait for a destroyed worker to be gone. */
    private static final Duration DESTROY_WAIT = Duration.ofSeconds(10);

    private final WorkerCommand command;
    private final FrameCodec codec = new FrameCodec();
    private final BlockingQueue<WorkerEvent> events = new LinkedBlockingQueue<>();
    private final WorkerProcess[] slots;
    /** Every worker started and not yet known gone; guarded by itself, like {@link #closed}. */
    private final Set<WorkerProcess> started = new LinkedHashSet<>();
    /** Guarded by itself. */
    private final List<Duration> spawnTimes = new ArrayList<>();
    /** How long each finished batch took, ns: what a batch of this trial is expected to take. Guarded by {@code this}. */
    private final List<Long> batchNanos = new ArrayList<>();

    /** The floor of a task time-out derived from the batches run so far. */
    public static final Duration MIN_DERIVED_TIMEOUT = Duration.ofSeconds(10);
    /** A derived task time-out is this many times the median batch so far. */
    static final int DERIVED_TIMEOUT_FACTOR = 10;
    /** How long a task runs before the pool says, on stderr, that it waits on its worker (and again as often). */
    static final Duration WAITING_REPORT = Duration.ofSeconds(5);
    private boolean closed;

    /**
     * Starts {@code size} workers; returns without waiting for them to be ready (see {@link #awaitReady()}).
     *
     * @param command how to start a worker
     * @param size    how many workers; 1 or more
     */
    public ProcessWorkerPool(WorkerCommand command, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a process pool needs 1 or more workers, was " + size);
        }
        this.command = Objects.requireNonNull(command);
        this.slots = new WorkerProcess[size];
        try {
            for (int i = 0; i < size; i++) {
                slots[i] = startWorker();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    public int size() {
        return slots.length;
    }

    /**
     * The pids of the workers now in the pool's slots (a slot emptied by a failure is skipped). A
     * snapshot for observers such as tests; while a batch runs it may already be out of date.
     */
    public List<Long> pids() {
        return Arrays.stream(slots).filter(Objects::nonNull).map(WorkerProcess::pid).toList();
    }

    /**
     * Spawn time of every worker that has answered a task: from {@link ProcessBuilder#start()} to
     * its first answer (JVM start, class loading, the first task's round trip).
     */
    public List<Duration> spawnTimes() {
        synchronized (spawnTimes) {
            return List.copyOf(spawnTimes);
        }
    }

    /**
     * Waits until every worker has sent its {@link ReadyFrame}.
     *
     * @throws IllegalStateException naming the worker's pid and exit status if one fails to start
     *                               within {@link #STARTUP_TIMEOUT}
     */
    public synchronized void awaitReady() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        try {
            while (Arrays.stream(slots).anyMatch(worker -> worker != null && !worker.ready())) {
                WorkerEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    WorkerProcess late = Arrays.stream(slots).filter(w -> w != null && !w.ready()).findFirst().orElseThrow();
                    late.destroy();
                    throw new IllegalStateException("worker pid " + late.pid() + " did not start within "
                            + STARTUP_TIMEOUT.toSeconds() + " s; " + late.endAndDescribe(Duration.ZERO)
                            + "; command: " + command);
                }
                if (slotOf(event.worker()) < 0) {
                    continue;
                }
                switch (event) {
                    case WorkerEvent.Ready ready -> ready.worker().markReady(System.nanoTime());
                    case WorkerEvent.Malformed bad -> throw new IllegalStateException("worker pid "
                            + bad.worker().pid() + " sent " + FrameCodec.quote(bad.line()) + " instead of its ready frame; "
                            + bad.worker().endAndDescribe(Duration.ZERO), bad.cause());
                    case WorkerEvent.Ended ended -> throw new IllegalStateException("worker pid "
                            + ended.worker().pid() + " failed to start: " + ended.worker().endAndDescribe(EXIT_GRACE)
                            + " (its stderr, above, says why); command: " + command, ended.cause());
                    case WorkerEvent.Result result -> throw new IllegalStateException("worker pid "
                            + result.worker().pid() + " answered task " + result.frame().index() + " it was never sent");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for workers to start", e);
        }
    }

    /**
     * Runs the batch: every input as one task, each outcome handed to {@code sink} as it arrives.
     *
     * @param chunkSize   tasks per hand-off to a worker; 1 or more
     * @param taskTimeout the longest one task may run in its worker; positive
     * @throws TaskFailedException under {@link ErrorPolicy#FAIL_FAST}, for the first failing task
     */
    public synchronized <I, O> void run(Workload<I, O> workload, List<I> inputs, int chunkSize, Duration taskTimeout,
                                        ErrorPolicy errorPolicy, Consumer<TaskOutcome<O>> sink) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be 1 or more, was " + chunkSize);
        }
        if (!taskTimeout.isPositive()) {
            throw new IllegalArgumentException("task timeout must be positive, was " + taskTimeout);
        }
        synchronized (started) {
            if (closed) {
                throw new IllegalStateException("the process pool is closed");
            }
        }
        Duration effective = taskTimeout.equals(parbench.bench.model.ModelSettings.DEFAULT_TASK_TIMEOUT)
                ? derivedTimeout().orElse(taskTimeout) : taskTimeout;
        long start = System.nanoTime();
        new Batch<>(workload, inputs, chunkSize, effective, errorPolicy, sink).run();
        batchNanos.add(System.nanoTime() - start);
    }

    /**
     * The default task time-out once this pool has run batches (the trial's warm-up): ten times the
     * median batch so far, at least {@link #MIN_DERIVED_TIMEOUT}, at most the configured default. A
     * hung worker (SIGSTOP, a deadlock) then fails its task in seconds, not after the 5-minute default;
     * a time-out given explicitly is kept as it is.
     */
    synchronized java.util.Optional<Duration> derivedTimeout() {
        if (batchNanos.isEmpty()) {
            return java.util.Optional.empty();
        }
        long[] sorted = batchNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        long median = sorted[sorted.length / 2];
        Duration derived = Duration.ofNanos(median).multipliedBy(DERIVED_TIMEOUT_FACTOR);
        if (derived.compareTo(MIN_DERIVED_TIMEOUT) < 0) {
            derived = MIN_DERIVED_TIMEOUT;
        }
        Duration ceiling = parbench.bench.model.ModelSettings.DEFAULT_TASK_TIMEOUT;
        return java.util.Optional.of(derived.compareTo(ceiling) > 0 ? ceiling : derived);
    }

    /**
     * Runs the batch fail-fast and returns every output in input order: what a
     * {@link parbench.bench.model.ConcurrencyModel} built on this pool returns.
     *
     * @throws TaskFailedException for the first failing task
     */
    public <I, O> List<O> run(Workload<I, O> workload, List<I> inputs, int chunkSize, Duration taskTimeout) {
        @SuppressWarnings("unchecked")
        O[] outputs = (O[]) new Object[inputs.size()];
        run(workload, inputs, chunkSize, taskTimeout, ErrorPolicy.FAIL_FAST, outcome -> {
            if (outcome instanceof TaskOutcome.Success<O> success) {
                outputs[success.index()] = success.value();
            }
        });
        return Arrays.asList(outputs);
    }

    private WorkerProcess startWorker() {
        synchronized (started) {
            if (closed) {
                throw new IllegalStateException("the process pool is closed");
            }
            started.removeIf(worker -> !worker.alive());
            WorkerProcess worker = WorkerProcess.start(command, codec, events);
            started.add(worker);
            return worker;
        }
    }

    private int slotOf(WorkerProcess worker) {
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == worker) {
                return worker.retired() ? -1 : i;
            }
        }
        return -1;
    }

    /**
     * Closes every worker's stdin, gives them {@link #CLOSE_GRACE} to exit, destroys the rest and
     * waits until all are gone. Idempotent.
     */
    @Override
    public void close() {
        List<WorkerProcess> workers;
        synchronized (started) {
            if (closed) {
                return;
            }
            closed = true;
            workers = new ArrayList<>(started);
            started.clear();
        }
        boolean interrupted = false;
        workers.forEach(WorkerProcess::closeInput);
        long graceEnd = System.nanoTime() + CLOSE_GRACE.toNanos();
        for (WorkerProcess worker : workers) {
            try {
                if (worker.awaitExit(Duration.ofNanos(Math.max(0, graceEnd - System.nanoTime()))) == null) {
                    worker.destroy();
                }
            } catch (InterruptedException e) {
                interrupted = true;
                worker.destroy();
            }
        }
        for (WorkerProcess worker : workers) {
            try {
                if (worker.awaitExit(DESTROY_WAIT) == null) {
                    System.err.println("parbench: worker pid " + worker.pid() + " still runs "
                            + DESTROY_WAIT.toSeconds() + " s after destroyForcibly");
                }
                worker.joinReader(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch's state; lives on the thread that called {@link #run}. */
    private final class Batch<I, O> {
        private final Workload<I, O> workload;
        private final WorkloadSpec spec;
        private final List<JsonNode> encoded;
        private final int chunkSize;
        private final Duration taskTimeout;
        private final ErrorPolicy errorPolicy;
        private final Consumer<TaskOutcome<O>> sink;
        private final Deque<Integer> pending = new ArrayDeque<>();
        private final boolean[] done;
        private int doneCount;

        Batch(Workload<I, O> workload, List<I> inputs, int chunkSize, Duration taskTimeout,
              ErrorPolicy errorPolicy, Consumer<TaskOutcome<O>> sink) {
            this.workload = workload;
            this.spec = workload.spec();
            this.encoded = inputs.stream().map(codec::toTree).toList();
            this.chunkSize = chunkSize;
            this.taskTimeout = taskTimeout;
            this.errorPolicy = errorPolicy;
            this.sink = sink;
            this.done = new boolean[inputs.size()];
            for (int i = 0; i < inputs.size(); i++) {
                pending.add(i);
            }
        }

        void run() {
            boolean finished = false;
            try {
                while (doneCount < done.length) {
                    for (int slot = 0; slot < slots.length; slot++) {
                        if (slots[slot] == null || slots[slot].inFlight().isEmpty()) {
                            dispatch(slot);
                        }
                    }
                    long nextDeadline = Long.MAX_VALUE;
                    for (WorkerProcess worker : slots) {
                        if (worker != null && !worker.inFlight().isEmpty()) {
                            nextDeadline = Math.min(nextDeadline, deadline(worker));
                        }
                    }
                    if (nextDeadline == Long.MAX_VALUE) {
                        if (pending.isEmpty()) {
                            throw new IllegalStateException("process pool lost track of " + (done.length - doneCount)
                                    + " task(s) of a batch of " + done.length + " (nothing queued or running)");
                        }
                        continue; // every hand-off failed at once; the loop re-dispatches what was queued again
                    }
                    long wake = Math.min(nextDeadline, System.nanoTime() + WAITING_REPORT.toNanos());
                    WorkerEvent event = events.poll(Math.max(0, wake - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (event == null) {
                        expire();
                        reportWaiting();
                    } else {
                        handle(event);
                    }
                }
                finished = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                int index = 0;
                while (index < done.length - 1 && done[index]) {
                    index++;
                }
                throw new TaskFailedException(index, "interrupted while waiting for worker results", e);
            } finally {
                if (!finished) {
                    retireBusyWorkers();
                }
            }
        }

        private long deadline(WorkerProcess worker) {
            return worker.clockStart() + (worker.ready() ? taskTimeout : STARTUP_TIMEOUT).toNanos();
        }

        private void dispatch(int slot) throws InterruptedException {
            if (pending.isEmpty()) {
                return;
            }
            if (slots[slot] == null) {
                slots[slot] = startWorker();
            }
            WorkerProcess worker = slots[slot];
            var frames = new ArrayList<TaskFrame>(Math.min(chunkSize, pending.size()));
            while (frames.size() < chunkSize && !pending.isEmpty()) {
                int index = pending.removeFirst();
                frames.add(new TaskFrame(index, spec, encoded.get(index)));
                worker.inFlight().addLast(index);
            }
            if (worker.ready()) {
                worker.restartClock(System.nanoTime());
            }
            try {
                worker.send(codec, frames);
            } catch (IOException e) {
                fail(slot, "could not be sent its tasks (" + e.getMessage() + ")", e, EXIT_GRACE);
            }
        }

        private void handle(WorkerEvent event) throws InterruptedException {
            WorkerProcess worker = event.worker();
            int slot = slotOf(worker);
            if (slot < 0) {
                return; // a worker already retired: what it says no longer matters
            }
            long now = System.nanoTime();
            switch (event) {
                case WorkerEvent.Ready ready -> worker.markReady(now);
                case WorkerEvent.Result result -> {
                    Integer running = worker.inFlight().peekFirst();
                    if (running == null || running != result.frame().index()) {
                        fail(slot, "answered task " + result.frame().index() + " out of turn", null, Duration.ZERO);
                        return;
                    }
                    worker.inFlight().removeFirst();
                    worker.restartClock(now);
                    if (worker.spawnTime() == null) {
                        worker.markAnswered(now);
                        synchronized (spawnTimes) {
                            spawnTimes.add(worker.spawnTime());
                        }
                    }
                    deliver(outcome(result.frame(), worker.pid()));
                }
                case WorkerEvent.Malformed bad -> fail(slot, "sent a malformed frame " + FrameCodec.quote(bad.line()),
                        bad.cause(), Duration.ZERO);
                case WorkerEvent.Ended ended -> fail(slot, "ended its output"
                        + (ended.cause() == null ? "" : " (" + ended.cause().getMessage() + ")"), ended.cause(), EXIT_GRACE);
            }
        }

        /** {@code parbench: waiting on worker pid N for task i (12 s)} on stderr for every task running past {@link #WAITING_REPORT}. */
        private void reportWaiting() {
            long now = System.nanoTime();
            for (WorkerProcess worker : slots) {
                if (worker != null && worker.ready() && !worker.inFlight().isEmpty()
                        && now - worker.clockStart() >= WAITING_REPORT.toNanos()) {
                    System.err.printf("parbench: waiting on worker pid %d for task %d (%d s of the %d s time-out)%n",
                            worker.pid(), worker.inFlight().peekFirst(),
                            TimeUnit.NANOSECONDS.toSeconds(now - worker.clockStart()), taskTimeout.toSeconds());
                }
            }
        }

        private void expire() throws InterruptedException {
            long now = System.nanoTime();
            for (int slot = 0; slot < slots.length; slot++) {
                WorkerProcess worker = slots[slot];
                if (worker != null && !worker.inFlight().isEmpty() && now - deadline(worker) >= 0) {
                    fail(slot, worker.ready()
                                    ? "timed out after " + taskTimeout.toMillis() + " ms"
                                    : "did not start within " + STARTUP_TIMEOUT.toSeconds() + " s",
                            null, Duration.ZERO);
                }
            }
        }

        /**
         * Takes the worker in {@code slot} out of service: ends it (waiting {@code grace} for it to
         * exit first), fails the task it was running, and queues the rest of its hand-off again.
         */
        private void fail(int slot, String problem, Throwable cause, Duration grace) throws InterruptedException {
            WorkerProcess worker = slots[slot];
            slots[slot] = null;
            worker.retire();
            String status = worker.endAndDescribe(grace);
            Integer running = worker.inFlight().pollFirst();
            for (Iterator<Integer> rest = worker.inFlight().descendingIterator(); rest.hasNext(); ) {
                pending.addFirst(rest.next());
            }
            worker.inFlight().clear();
            if (running == null) {
                System.err.println("parbench: idle worker pid " + worker.pid() + " " + problem + "; " + status + "; replacing it");
                return;
            }
            String message = "worker pid %d, task %d (workload '%s'): %s; worker %s"
                    .formatted(worker.pid(), running, spec.id(), problem, status);
            deliver(new TaskOutcome.Failure<>(running, new WorkerTaskException(running, worker.pid(), message, cause)));
        }

        private TaskOutcome<O> outcome(ResultFrame frame, long pid) {
            int index = frame.index();
            if (frame.failed()) {
                return new TaskOutcome.Failure<>(index, new WorkerTaskException(index, pid,
                        "worker pid %d, task %d (workload '%s') threw %s".formatted(pid, index, spec.id(), frame.error()), null));
            }
            try {
                return new TaskOutcome.Success<>(index, codec.fromTree(frame.output(), workload.outputType()));
            } catch (JsonProcessingException e) {
                return new TaskOutcome.Failure<>(index, new WorkerTaskException(index, pid,
                        "worker pid %d, task %d (workload '%s'): output is not a %s: %s".formatted(
                                pid, index, spec.id(), workload.outputType().getSimpleName(), e.getOriginalMessage()), e));
            }
        }

        private void deliver(TaskOutcome<O> outcome) {
            done[outcome.index()] = true;
            doneCount++;
            if (outcome instanceof TaskOutcome.Failure<O> failure && errorPolicy == ErrorPolicy.FAIL_FAST) {
                throw new TaskFailedException(failure.index(), failure.error().getMessage(), failure.error());
            }
            sink.accept(outcome);
        }

        /** After a batch ended early: workers still running its tasks are destroyed and replaced later. */
        private void retireBusyWorkers() {
            for (int slot = 0; slot < slots.length; slot++) {
                WorkerProcess worker = slots[slot];
                if (worker != null && !worker.inFlight().isEmpty()) {
                    worker.retire();
                    worker.destroy();
                    worker.inFlight().clear();
                    slots[slot] = null;
                }
            }
        }
    }
}
