package parbench.report.compare;

/**
 * What a verdict rests on: how the noise it was judged against was measured. Every output says it first.
 */
public enum Evidence {
    /**
     * At least two runs on each side: the run-to-run spread itself is the noise. Each run gives one value (its mean of
     * fork means); the change is the ratio of the sides' geometric means with a Student t interval on the log values
     * (Welch), as Georges, Buytaert &amp; Eeckhout (OOPSLA 2007) do with VM invocations, one level up.
     */
    REPLICATED("replicated"),
    /**
     * One run on a side: the hierarchical bootstrap over forks and iterations sees only the noise inside the runs,
     * not the drift between them, so a change also has to exceed the run-to-run allowance ({@code --run-noise}).
     */
    UNREPLICATED("unreplicated"),
    /**
     * Forks of the two builds interleaved on one machine ({@code parbench ab}): drift hits both alike, and the test is
     * paired, on fork-level ratios.
     */
    INTERLEAVED("interleaved");

    private final String label;

    Evidence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
