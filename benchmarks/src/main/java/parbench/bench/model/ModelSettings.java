package parbench.bench.model;

import java.time.Duration;

/**
 * The knobs a joblib user knows, resolved for one model.
 *
 * @param nJobs       joblib's {@code n_jobs}: 1 or more as given, -1 all available processors,
 *                    -2 all but one (generally {@code processors + 1 + n_jobs}, at least 1); 0 is rejected
 * @param chunkSize   joblib's {@code batch_size}: inputs per hand-off for models that batch (1 = one task
 *                    per hand-off); 1 or more
 * @param taskTimeout the longest a batch waits for its next task to finish (process models: for each task);
 *                    positive
 */
public record ModelSettings(int nJobs, int chunkSize, Duration taskTimeout) {

    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(5);

    public ModelSettings {
        if (nJobs == 0) {
            throw new IllegalArgumentException("n_jobs == 0 has no meaning; use 1 or more, or -1 for all processors");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be 1 or more, was " + chunkSize);
        }
        if (!taskTimeout.isPositive()) {
            throw new IllegalArgumentException("task timeout must be positive, was " + taskTimeout);
        }
    }

    /** {@code n_jobs} with chunk size 1 and the default time-out. */
    public static ModelSettings ofJobs(int nJobs) {
        return new ModelSettings(nJobs, 1, DEFAULT_TASK_TIMEOUT);
    }

    public ModelSettings withChunkSize(int chunkSize) {
        return new ModelSettings(nJobs, chunkSize, taskTimeout);
    }

    public ModelSettings withTaskTimeout(Duration taskTimeout) {
        return new ModelSettings(nJobs, chunkSize, taskTimeout);
    }

    /** The parallelism {@code n_jobs} means on this JVM ({@link Runtime#availableProcessors()}). */
    public int parallelism() {
        return parallelism(Runtime.getRuntime().availableProcessors());
    }

    /** joblib's rule: {@code n_jobs} if positive, else {@code max(processors + 1 + n_jobs, 1)}. */
    public int parallelism(int availableProcessors) {
        return nJobs > 0 ? nJobs : Math.max(availableProcessors + 1 + nJobs, 1);
    }
}
