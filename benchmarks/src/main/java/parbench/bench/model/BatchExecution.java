package parbench.bench.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import parbench.workload.Workload;

/**
 * One batch in flight under an {@link ExecutorModel}: the bookkeeping every in-process model
 * shares, kept to what a measured batch needs, because it is timed with the model.
 *
 * <p>Per task: a read of the {@code cancelled} flag, the task and a plain store of its output;
 * per hand-off (one task, or a chunk of {@link ModelSettings#chunkSize()}), one atomic
 * count-down; the thread that lands the last output wakes the waiting thread, so a batch of n
 * tasks costs one wake-up, not n. The outputs array needs no atomics: each index is written
 * by one thread before its decrement (a volatile write), and the waiter reads the array only
 * after it saw the count reach 0 (a volatile read), which orders every store before its read.
 *
 * <p>Failures: the first task that throws records itself and wakes the waiter, which throws a
 * {@link TaskFailedException} naming its index; tasks not yet started see the batch cancelled and
 * skip their work. A batch in which no task finished for {@link ModelSettings#taskTimeout()}
 * fails with a {@link TimeoutException} naming the lowest index still running; the model's
 * {@code close()} interrupts what is left.
 *
 * <p>Thread-safety: {@link #runTask} and {@link #runRange} from any number of threads, each index
 * in one call;
 * {@link #await} from the thread that created the batch.
 */
final class BatchExecution<I, O> {

    private final Workload<I, O> workload;
    private final List<I> inputs;
    private final Object[] outputs;
    private final AtomicInteger remaining;
    private final AtomicReference<TaskFailedException> firstFailure = new AtomicReference<>();
    private final Thread waiter = Thread.currentThread();
    private volatile boolean cancelled;

    /** Create it on the thread that will {@link #await} it. */
    BatchExecution(Workload<I, O> workload, List<I> inputs) {
        this.workload = workload;
        this.inputs = inputs;
        this.outputs = new Object[inputs.size()];
        this.remaining = new AtomicInteger(inputs.size());
    }

    /** Runs the task at {@code index} on the calling thread, unless the batch was cancelled; never throws. */
    void runTask(int index) {
        runRange(index, index + 1);
    }

    /**
     * Runs the tasks {@code [from, to)} on the calling thread, in order, and counts them down at
     * once: one hand-off of a chunk, one atomic operation. Stops at a failure or once the batch is
     * cancelled; never throws.
     */
    void runRange(int from, int to) {
        for (int index = from; index < to; index++) {
            if (cancelled) {
                return;
            }
            try {
                outputs[index] = workload.apply(inputs.get(index));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new TaskFailedException(index, "interrupted", e));
                return;
            } catch (Exception | Error e) {
                // A task boundary: whatever the task threw is that task's failure, never lost.
                fail(new TaskFailedException(index, String.valueOf(e), e));
                return;
            }
        }
        if (remaining.addAndGet(from - to) == 0) {
            LockSupport.unpark(waiter);
        }
    }

    private void fail(TaskFailedException failure) {
        cancelled = true;
        if (firstFailure.compareAndSet(null, failure)) {
            LockSupport.unpark(waiter);
        }
    }

    /**
     * Waits for every output and returns them in input order.
     *
     * @param timeout the longest the batch may go without a task finishing
     * @throws TaskFailedException   for the first task that failed, or that timed out
     * @throws CancellationException when the waiting thread was interrupted (its flag restored)
     */
    @SuppressWarnings("unchecked")
    List<O> await(Duration timeout) {
        long timeoutNanos = timeout.toNanos();
        int seen = remaining.get();
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            int left = remaining.get();
            TaskFailedException failure = firstFailure.get();
            if (failure != null) {
                throw failure;
            }
            if (left == 0) {
                return (List<O>) Arrays.asList(outputs);
            }
            long now = System.nanoTime();
            if (left != seen) {
                seen = left;
                deadline = now + timeoutNanos;
            } else if (now - deadline >= 0) {
                cancelled = true;
                int stuck = firstMissing();
                throw new TaskFailedException(stuck, "no task of the batch finished for " + timeout, new TimeoutException(
                        "task " + stuck + " (or a later one) still running after " + timeout + " without progress"));
            }
            LockSupport.parkNanos(this, deadline - now);
            if (Thread.interrupted()) {
                cancelled = true;
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for a batch of " + inputs.size() + " '"
                        + workload.spec().id() + "' tasks; the rest were cancelled");
            }
        }
    }

    /** The lowest index without an output: a task still running (or never started). */
    private int firstMissing() {
        for (int i = 0; i < outputs.length; i++) {
            if (outputs[i] == null) {
                return i;
            }
        }
        return outputs.length - 1;
    }
}
