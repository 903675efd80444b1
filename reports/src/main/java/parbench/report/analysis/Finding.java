package parbench.report.analysis;

/** One answer the data gives, with its numbers: {@code question} as the seed article put it, {@code answer} measured. */
public record Finding(String question, String answer) {
}
