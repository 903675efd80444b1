package parbench.report.stats;

/**
 * How to spend the same measurement time for a tighter interval, from a {@link VarianceSplit}: Kalibera &amp; Jones's
 * optimal repetition count at the iteration level compared with the count used.
 */
public enum SamplingAdvice {
    /** Between-fork variance dominates for its cost: fewer iterations per fork, more forks. */
    MORE_FORKS("for a tighter interval in the same time, use more forks (fewer iterations each)"),
    /** Within-fork variance dominates for its cost: more iterations per fork, fewer forks (at least 2). */
    MORE_ITERATIONS("for a tighter interval in the same time, use more iterations per fork (fewer forks, at least 2)"),
    /** The split already spends time about where the noise is. */
    BALANCED("forks and iterations are balanced for this noise: add both to tighten the interval"),
    /** One fork (or one iteration per fork): the split cannot be estimated. */
    NEEDS_FORKS("run at least 2 forks of at least 2 iterations to see JVM-to-JVM variation");

    private final String sentence;

    SamplingAdvice(String sentence) {
        this.sentence = sentence;
    }

    /** The advice as the outputs write it. */
    public String sentence() {
        return sentence;
    }
}
