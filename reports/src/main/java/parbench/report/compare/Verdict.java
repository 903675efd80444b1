package parbench.report.compare;

/** What a comparison concluded about one benchmark. Only {@link #REGRESSED} fails a CI job. */
public enum Verdict {
    /** Significant (p &lt; alpha) and larger than the threshold, in the better direction. */
    IMPROVED("improved"),
    /** Significant (p &lt; alpha) and larger than the threshold, in the worse direction. */
    REGRESSED("regressed"),
    /** Not significant, or smaller than the threshold. */
    UNCHANGED("unchanged"),
    /** Too few samples on a side for the test ever to reach alpha: no conclusion either way. */
    INSUFFICIENT_DATA("insufficient data"),
    /** Only the candidate has it. */
    ADDED("added"),
    /** Only the baseline has it. */
    REMOVED("removed");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** How the outputs write it. */
    public String label() {
        return label;
    }
}
