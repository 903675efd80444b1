package parbench.bench.model;


/**
 * The harness baseline, not a model: every task runs on the calling thread, in order, through
 * the same batch bookkeeping ({@link BatchExecution}) as every pooled model, with the model's
 * work removed: no task object is handed to any executor, no thread is woken. What it costs per
 * no-op task is what the harness adds to every in-process model's score. Not in
 * {@link ModelType}: it is no answer to "which model should run my loop".
 *
 * <p>Thread-safety: one batch at a time; holds no thread.
 */
public final class CallerRunsModel extends ExecutorModel {

    /** Its name in results: not a report row. */
    public static final String NAME = "harness-baseline";

    /** @param settings only the time-out matters: parallelism is 1, there are no hand-offs to chunk */
    public CallerRunsModel(ModelSettings settings) {
        super(NAME, settings);
    }

    @Override
    public int parallelism() {
        return 1;
    }

    @Override
    void launch(int tasks, BatchExecution<?, ?> batch) {
        for (int i = 0; i < tasks; i++) {
            batch.runTask(i);
        }
    }

    @Override
    public void close() {}
}
