package parbench.workload.wiki;

/**
 * One page of the corpus: its title and whether the stub serves it (200) or not (404).
 *
 * @param title  the article title as it appears in {@code /wiki/<title>}
 * @param exists whether the page exists
 */
public record WikiPage(String title, boolean exists) {}
