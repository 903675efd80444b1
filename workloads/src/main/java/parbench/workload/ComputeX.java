package parbench.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The seed article's {@code compute_x(x, y=2)}: sleep, then return the pair {@code (x, y)}.
 *
 * <p>The article sleeps 0.8 s over the inputs 1..10; here the sleep is a parameter. An instance
 * binds {@code y} once, like the article's {@code functools.partial(compute_x, y=2)}, and is a
 * {@link Workload} over the inputs {@code x}. Sleeping blocks the calling thread (a platform
 * thread stays parked; a virtual thread unmounts), which is what the sleep workload measures.
 */
public final class ComputeX implements Workload<Integer, ComputeX.Pair> {

    public static final String ID = "sleep";

    /** The article's default for {@code y}. */
    public static final int DEFAULT_Y = 2;

    /** The value {@code compute_x} returns: the tuple {@code (x, y)}. */
    public record Pair(int x, int y) {}

    private final Duration sleep;
    private final int y;

    /**
     * @param sleep how long each call sleeps; zero or more
     * @param y     the bound second argument
     */
    public ComputeX(Duration sleep, int y) {
        if (sleep.isNegative()) {
            throw new IllegalArgumentException("sleep must be zero or more, was " + sleep);
        }
        this.sleep = sleep;
        this.y = y;
    }

    /** {@code compute_x} with the article's {@code y = 2} bound. */
    public static ComputeX withDefaultY(Duration sleep) {
        return new ComputeX(sleep, DEFAULT_Y);
    }

    /** The article's function itself: sleeps for {@code sleep}, returns {@code (x, y)}. */
    public static Pair computeX(int x, int y, Duration sleep) throws InterruptedException {
        if (sleep.isPositive()) {
            Thread.sleep(sleep);
        }
        return new Pair(x, y);
    }

    /** The article's inputs: {@code x = 1, 2, ..., tasks}. */
    @Override
    public List<Integer> inputs(int tasks) {
        return IntStream.rangeClosed(1, tasks).boxed().toList();
    }

    @Override
    public Pair apply(Integer x) throws InterruptedException {
        return computeX(x, y, sleep);
    }

    @Override
    public Pair expected(Integer x) {
        return new Pair(x, y);
    }

    @Override
    public WorkloadSpec spec() {
        return new WorkloadSpec(ID, Map.of("taskMillis", Long.toString(sleep.toMillis()), "y", Integer.toString(y)));
    }

    @Override
    public Class<Integer> inputType() {
        return Integer.class;
    }

    @Override
    public Class<Pair> outputType() {
        return Pair.class;
    }
}
