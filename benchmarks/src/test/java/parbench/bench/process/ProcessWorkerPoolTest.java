package parbench.bench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import parbench.bench.model.TaskFailedException;
import parbench.workload.ComputeX;
import parbench.workload.NoopTask;

/** How the pool survives broken workers: hangs, deaths, garbage; and that it leaves nothing behind. */
@ExtendWith(NoDescendants.class)
class ProcessWorkerPoolTest {

    /** Generous: a loaded 2-core machine may take seconds to start a JVM. */
    private static final Duration MARGIN = Duration.ofSeconds(60);

    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void taskTimeoutFailsTheTaskNamingIndexAndPid() {
        var hang = ComputeX.withDefaultY(Duration.ofMinutes(10));
        var timeout = Duration.ofSeconds(1);
        try (var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 1)) {
            pool.awaitReady();
            long pid = pool.pids().getFirst();
            var outcomes = new ArrayList<TaskOutcome<ComputeX.Pair>>();

            assertTimeoutPreemptively(timeout.plus(MARGIN), () ->
                    pool.run(hang, List.of(7), 1, timeout, ErrorPolicy.COLLECT, outcomes::add));

            assertThat(outcomes).singleElement().isInstanceOfSatisfying(TaskOutcome.Failure.class, failure -> {
                assertThat(failure.index()).isZero();
                assertThat(failure.error()).isInstanceOf(WorkerTaskException.class).hasMessage(
                        "worker pid " + pid + ", task 0 (workload 'sleep'): timed out after 1000 ms; worker exit status 137");
            });
            assertThat(ProcessHandle.of(pid)).isEmpty();
        }
    }

    @Test
    void aStoppedWorkerFailsItsTaskAfterTheTimeOutDerivedFromTheWarmUpNotTheFiveMinuteDefault() throws Exception {
        // GIVEN a pool that has run one quick batch (the trial's warm-up), with the default time-out
        var quick = ComputeX.withDefaultY(Duration.ZERO);
        var errors = new java.io.ByteArrayOutputStream();
        java.io.PrintStream previous = System.err;
        try (var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 1)) {
            pool.awaitReady();
            pool.run(quick, List.of(1, 2), 1, parbench.bench.model.ModelSettings.DEFAULT_TASK_TIMEOUT,
                    ErrorPolicy.COLLECT, outcome -> { });
            assertThat(pool.derivedTimeout()).contains(ProcessWorkerPool.MIN_DERIVED_TIMEOUT);
            long pid = pool.pids().getFirst();
            var outcomes = new ArrayList<TaskOutcome<ComputeX.Pair>>();

            // WHEN its worker is stopped (SIGSTOP) before it answers the next task
            Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(pid)).inheritIO().start();
            assertThat(stop.waitFor()).isZero();
            System.setErr(new java.io.PrintStream(errors, true));
            assertTimeoutPreemptively(ProcessWorkerPool.MIN_DERIVED_TIMEOUT.plus(MARGIN), () -> pool.run(quick,
                    List.of(3), 1, parbench.bench.model.ModelSettings.DEFAULT_TASK_TIMEOUT, ErrorPolicy.COLLECT,
                    outcomes::add));

            // THEN the task fails after the derived 10 s, said on the way, and the worker is gone
            assertThat(outcomes).singleElement().isInstanceOfSatisfying(TaskOutcome.Failure.class, failure ->
                    assertThat(failure.error()).hasMessageStartingWith("worker pid " + pid
                            + ", task 0 (workload 'sleep'): timed out after 10000 ms"));
            assertThat(errors.toString()).contains("parbench: waiting on worker pid " + pid + " for task 0 (");
        } finally {
            System.setErr(previous);
        }
    }

    @Test
    void workerKilledMidTaskFailsThatTaskAndTheRestRunOnAFreshWorker() {
        var sleep = ComputeX.withDefaultY(Duration.ofMillis(300));
        try (var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 1)) {
            pool.awaitReady();
            long pid = pool.pids().getFirst();
            var outcomes = new CopyOnWriteArrayList<TaskOutcome<ComputeX.Pair>>();

            // one hand-off of three tasks: when task 0 is answered, the worker is running task 1
            assertTimeoutPreemptively(MARGIN, () -> pool.run(sleep, List.of(1, 2, 3), 3, LONG, ErrorPolicy.COLLECT, outcome -> {
                outcomes.add(outcome);
                if (outcome.index() == 0) {
                    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                }
            }));

            assertThat(outcomes).extracting(TaskOutcome::index).containsExactly(0, 1, 2);
            assertThat(outcomes.get(1)).isInstanceOfSatisfying(TaskOutcome.Failure.class, failure -> assertThat(failure.error())
                    .isInstanceOf(WorkerTaskException.class)
                    .hasMessage("worker pid " + pid + ", task 1 (workload 'sleep'): ended its output; worker exit status 137"));
            assertThat(outcomes.get(2)).isEqualTo(new TaskOutcome.Success<>(2, new ComputeX.Pair(3, 2)));
            assertThat(pool.pids()).singleElement().isNotEqualTo(pid);
        }
    }

    @Test
    void workerKilledMidTaskFailsFastNamingTheTask() {
        var sleep = ComputeX.withDefaultY(Duration.ofMillis(300));
        try (var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 1)) {
            pool.awaitReady();
            long pid = pool.pids().getFirst();

            assertTimeoutPreemptively(MARGIN, () -> assertThatThrownBy(() ->
                    pool.run(sleep, List.of(1, 2, 3), 3, LONG, ErrorPolicy.FAIL_FAST, outcome -> {
                        if (outcome.index() == 0) {
                            ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                        }
                    }))
                    .isInstanceOfSatisfying(TaskFailedException.class, e -> assertThat(e.index()).isEqualTo(1))
                    .hasMessage("task 1 failed: worker pid " + pid
                            + ", task 1 (workload 'sleep'): ended its output; worker exit status 137"));
        }
    }

    @Test
    void malformedFrameFromAWorkerFailsTheTaskNamingThePid() {
        var command = WorkerCommand.forMain(GarbageWorkerMain.class.getName(), StartupArchive.none());
        try (var pool = new ProcessWorkerPool(command, 1)) {
            pool.awaitReady();
            long pid = pool.pids().getFirst();
            var outcomes = new ArrayList<TaskOutcome<Integer>>();

            assertTimeoutPreemptively(MARGIN, () ->
                    pool.run(new NoopTask(), List.of(5), 1, LONG, ErrorPolicy.COLLECT, outcomes::add));

            assertThat(outcomes).singleElement().isInstanceOfSatisfying(TaskOutcome.Failure.class, failure ->
                    assertThat(failure.error()).isInstanceOf(WorkerTaskException.class).hasMessage(
                            "worker pid " + pid + ", task 0 (workload 'noop'): sent a malformed frame '"
                                    + GarbageWorkerMain.GARBAGE + "'; worker exit status 137"));
        }
    }

    @Test
    void poolIsReusableAfterAFailFastBatch() {
        var workload = new NoopWithBadInput(0);
        try (var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 2)) {
            pool.awaitReady();
            assertThatThrownBy(() -> pool.run(workload, workload.inputs(50), 1, LONG, ErrorPolicy.FAIL_FAST, outcome -> {}))
                    .isInstanceOf(TaskFailedException.class);

            var outcomes = new ArrayList<TaskOutcome<Integer>>();
            pool.run(new NoopTask(), List.of(1, 2, 3), 1, LONG, ErrorPolicy.FAIL_FAST, outcomes::add);

            assertThat(outcomes).extracting(TaskOutcome::index).containsExactlyInAnyOrder(0, 1, 2);
        }
    }

    @Test
    void closeLeavesNoDescendantProcess() {
        var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 3);
        pool.awaitReady();
        pool.run(new NoopTask(), List.of(1, 2, 3, 4), 1, LONG, ErrorPolicy.FAIL_FAST, outcome -> {});
        assertThat(ProcessHandle.current().descendants()).hasSize(3);

        pool.close();

        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }

    @Test
    void closeEndsAWorkerStuckInATask() {
        var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 1);
        pool.awaitReady();
        long pid = pool.pids().getFirst();
        var hang = ComputeX.withDefaultY(Duration.ofMinutes(10));
        // a fail-fast batch that ends early leaves its busy worker to be destroyed, here by close()
        assertThatThrownBy(() -> pool.run(hang, List.of(1), 1, Duration.ofMillis(200), ErrorPolicy.FAIL_FAST, o -> {}))
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("worker pid " + pid);

        assertTimeoutPreemptively(MARGIN, pool::close);

        assertThat(ProcessHandle.current().descendants()).isEmpty();
    }

    @Test
    void spawnTimeIsRecordedPerWorker() {
        try (var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 2)) {
            pool.run(new NoopTask(), List.of(1, 2, 3, 4), 1, LONG, ErrorPolicy.FAIL_FAST, outcome -> {});

            assertThat(pool.spawnTimes()).hasSizeBetween(1, 2).allSatisfy(time -> assertThat(time).isPositive());
        }
    }

    @Test
    void aClosedPoolRejectsBatches() {
        var pool = new ProcessWorkerPool(WorkerCommand.workerMain(), 1);
        pool.close();

        assertThatThrownBy(() -> pool.run(new NoopTask(), List.of(1), 1, LONG, ErrorPolicy.FAIL_FAST, o -> {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the process pool is closed");
    }
}
