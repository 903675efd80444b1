package parbench.workload.wiki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WikiCorpusTest {

    @Test
    void firstFourPagesAreTheSeedPages() {
        assertThat(WikiCorpus.withDefaults().pages(10).subList(0, 4)).containsExactly(
                new WikiPage("Ocean", true),
                new WikiPage("Island", true),
                new WikiPage("this_page_does_not_exist", false),
                new WikiPage("Shark", true));
    }

    @ParameterizedTest(name = "{0} generated pages, fraction {1}: {2} missing")
    @CsvSource({
            "1000, 0.25, 250",
            "1000, 0.1, 100",
            "7, 0.5, 3",
            "1000, 0, 0",
            "1000, 1, 1000",
            "333, 0.3, 99",
    })
    void generatedPagesHoldExactlyFloorNTimesFMissing(int n, double fraction, int missing) {
        var corpus = new WikiCorpus(fraction);
        long counted = corpus.pages(4 + n).stream().skip(4).filter(page -> !page.exists()).count();
        assertThat(counted).isEqualTo(missing).isEqualTo((long) Math.floor(n * fraction));
    }

    @Test
    void existsAgreesWithTheGeneratedPages() {
        var corpus = WikiCorpus.withDefaults();
        assertThat(corpus.pages(200)).allSatisfy(page -> assertThat(corpus.exists(page.title())).isEqualTo(page.exists()));
    }
}
