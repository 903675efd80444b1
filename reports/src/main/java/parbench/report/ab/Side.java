package parbench.report.ab;

/** The two builds an A/B session compares. */
public enum Side {
    BASE("base"),
    CANDIDATE("candidate");

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
