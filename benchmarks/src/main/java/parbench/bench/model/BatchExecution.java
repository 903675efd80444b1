package parbench.bench.model;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

import parbench.workload.Workload;

/**
 * One batch in flight under an {@link ExecutorModel}: the mechanics every in-process model
 * shares, in one place.
 *
 * <p>Worker threads call {@link #runTask(int)} once per input index (in any order, from any
 * thread); each finished task goes onto a completion queue. The calling thread
 * {@link #drain drains} that queue, handing outcomes to the sink as they complete, and is the
 * watchdog: a task running past {@link ModelSettings#taskTimeout()} is abandoned (its thread
 * interrupted) and fails with a {@link TimeoutException} naming its index. Under
 * {@link ErrorPolicy#FAIL_FAST} the first failure cancels every task not yet started, interrupts
 * every running one, and is rethrown as a {@link TaskFailedException}.
 *
 * <p>Each index moves {@code PENDING -> RUNNING -> DONE}, or to {@code ABANDONED} when the caller
 * gives up on it; compare-and-set decides which side reports it, so every index is reported
 * exactly once. A worker whose task was abandoned waits for the caller's interrupt to land and
 * clears it, so a pooled thread never carries a stale interrupt into its next task.
 *
 * <p>Thread-safety: {@link #runTask} from any number of threads; {@link #drain} from one thread.
 */
final class BatchExecution<I, O> {

    private static final int PENDING = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int ABANDONING = 3;
    private static final int ABANDONED = 4;

    private final Workload<I, O> workload;
    private final List<I> inputs;
    private final ModelSettings settings;
    private final AtomicIntegerArray states;
    private final AtomicReferenceArray<Thread> runners;
    /** Written by the worker before its RUNNING compare-and-set publishes it. */
    private final long[] startNanos;
    private final BlockingQueue<TaskOutcome<O>> completed = new LinkedBlockingQueue<>();
    private volatile boolean cancelled;

    BatchExecution(Workload<I, O> workload, List<I> inputs, ModelSettings settings) {
        this.workload = workload;
        this.inputs = inputs;
        this.settings = settings;
        this.states = new AtomicIntegerArray(inputs.size());
        this.runners = new AtomicReferenceArray<>(inputs.size());
        this.startNanos = new long[inputs.size()];
    }

    int size() {
        return inputs.size();
    }

    /** Runs the task at {@code index} on the calling thread, unless the batch was cancelled. */
    void runTask(int index) {
        if (cancelled || states.get(index) != PENDING) {
            return;
        }
        startNanos[index] = System.nanoTime();
        runners.set(index, Thread.currentThread());
        if (!states.compareAndSet(index, PENDING, RUNNING)) {
            return;
        }
        TaskOutcome<O> outcome;
        boolean interrupted = false;
        try {
            outcome = new TaskOutcome.Success<>(index, workload.apply(inputs.get(index)));
        } catch (InterruptedException e) {
            interrupted = true;
            outcome = new TaskOutcome.Failure<>(index, e);
        } catch (Exception | Error e) {
            // A task boundary: whatever the task threw is that task's outcome, never lost.
            outcome = new TaskOutcome.Failure<>(index, e);
        }
        if (states.compareAndSet(index, RUNNING, DONE)) {
            runners.set(index, null);
            completed.add(outcome);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } else {
            while (states.get(index) != ABANDONED) {
                Thread.onSpinWait();
            }
            // The caller interrupted this thread to stop this task, which it already reported.
            Thread.interrupted();
            runners.set(index, null);
        }
    }

    /**
     * Hands every outcome to {@code sink} as it completes, on the calling thread.
     *
     * @param started what the model launched, cancelled (without interrupt) when the batch is
     * @throws TaskFailedException under fail-fast, for the first failure
     */
    void drain(Consumer<TaskOutcome<O>> sink, List<? extends Future<?>> started) {
        Duration timeout = settings.taskTimeout();
        long timeoutNanos = timeout.toNanos();
        long nextCheck = System.nanoTime() + timeoutNanos;
        int reported = 0;
        try {
            while (reported < inputs.size()) {
                long now = System.nanoTime();
                if (now - nextCheck >= 0) {
                    nextCheck = expireOverdue(now, timeoutNanos, timeout);
                    continue;
                }
                TaskOutcome<O> outcome = completed.poll(nextCheck - now, TimeUnit.NANOSECONDS);
                if (outcome == null) {
                    continue;
                }
                if (outcome instanceof TaskOutcome.Failure<O> failure
                        && settings.errorPolicy() == ErrorPolicy.FAIL_FAST) {
                    throw TaskFailedException.of(failure);
                }
                sink.accept(outcome);
                reported++;
            }
        } catch (InterruptedException e) {
            cancel(started);
            Thread.currentThread().interrupt();
            var cancellation = new CancellationException(
                    "interrupted while waiting for a batch of " + inputs.size() + " '" + workload.spec().id()
                            + "' tasks; the rest were cancelled");
            cancellation.initCause(e);
            throw cancellation;
        } catch (RuntimeException | Error e) {
            cancel(started);
            throw e;
        }
    }

    /**
     * Abandons every task running past the time-out, queueing a failure for each; returns when
     * to look again (the earliest deadline of the tasks still running).
     */
    private long expireOverdue(long now, long timeoutNanos, Duration timeout) {
        long next = now + timeoutNanos;
        for (int i = 0; i < inputs.size(); i++) {
            if (states.get(i) != RUNNING) {
                continue;
            }
            long deadline = startNanos[i] + timeoutNanos;
            if (now - deadline >= 0) {
                if (abandon(i)) {
                    completed.add(new TaskOutcome.Failure<>(i, new TimeoutException(
                            "task " + i + " ran longer than the task timeout " + timeout + "; interrupted")));
                }
            } else if (deadline - next < 0) {
                next = deadline;
            }
        }
        return next;
    }

    /** Stops the batch: nothing more starts, every running task is interrupted. */
    private void cancel(List<? extends Future<?>> started) {
        cancelled = true;
        for (Future<?> future : started) {
            future.cancel(false);
        }
        for (int i = 0; i < inputs.size(); i++) {
            abandon(i);
        }
    }

    /** Takes the task at {@code index} away from its worker; true when the caller now reports it. */
    private boolean abandon(int index) {
        if (states.compareAndSet(index, PENDING, ABANDONED)) {
            return true;
        }
        if (states.compareAndSet(index, RUNNING, ABANDONING)) {
            Thread runner = runners.get(index);
            if (runner != null) {
                runner.interrupt();
            }
            states.set(index, ABANDONED);
            return true;
        }
        return false;
    }
}
