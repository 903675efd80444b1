package parbench.report.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warm-up starts only for a command line that compares, and ends by itself: {@code main} joins it before the
 * JVM exits, since HotSpot 25.0.3 crashed (SIGSEGV in {@code LambdaProxyClassDictionary}) writing the launcher's CDS
 * archive at exit while the warm-up was still linking lambdas (2 of 36 {@code compare --help} runs under load).
 */
class CompareWarmUpTest {

    @Test
    void helpAndVersionStartNoWarmUp() {
        for (String option : new String[] {"-h", "--help", "-V", "--version"}) {
            assertThat(CompareWarmUp.startFor(new String[] {"a.json", option})).as(option).isNull();
        }
    }

    @Test
    void aComparisonsWarmUpEndsByItself() throws InterruptedException {
        Thread warmUp = CompareWarmUp.startFor(new String[] {"baseline.json", "candidate.json"});

        assertThat(warmUp).isNotNull();
        assertThat(warmUp.isDaemon()).isTrue();
        assertThat(warmUp.join(Duration.ofSeconds(60))).as("the warm-up finished").isTrue();
    }
}
