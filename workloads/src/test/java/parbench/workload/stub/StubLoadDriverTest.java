package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.Test;

class StubLoadDriverTest {

    @Test
    void measuresRequestsWithoutErrorsAgainstAHealthyStub() throws InterruptedException {
        try (var stub = WikipediaStub.start(StubConfig.defaults())) {
            StubCapacity capacity = StubLoadDriver.measure(stub.baseUrl(), 8, Duration.ZERO, Duration.ofSeconds(1), 1_000_000);
            assertThat(capacity.requests()).isPositive();
            assertThat(capacity.errors()).isZero();
            assertThat(capacity.requestsPerSecond()).isEqualTo(capacity.requests() / capacity.seconds());
            assertThat(capacity.p50Millis()).isLessThanOrEqualTo(capacity.p99Millis());
        }
    }

    @Test
    void stopsAtTheRequestCap() throws InterruptedException {
        try (var stub = WikipediaStub.start(StubConfig.defaults())) {
            StubCapacity capacity = StubLoadDriver.measure(stub.baseUrl(), 4, Duration.ZERO, Duration.ofMinutes(1), 50);
            assertThat(capacity.requests()).isEqualTo(50);
        }
    }

    @Test
    void countsResetsAsErrors() throws InterruptedException {
        var faults = new StubFaults(0, 1, 0, StubFaults.DEFAULT_SLOW_DELAY);
        try (var stub = WikipediaStub.start(StubConfig.defaults().withFaults(faults))) {
            StubCapacity capacity = StubLoadDriver.measure(stub.baseUrl(), 2, Duration.ZERO, Duration.ofSeconds(1), 20);
            assertThat(capacity.errors()).isEqualTo(capacity.requests()).isPositive();
        }
    }

    @Test
    void interruptingTheMeasurementStopsTheLoadInsteadOfWaitingOutTheWindow() throws Exception {
        try (var stub = WikipediaStub.start(StubConfig.defaults().withLatency(Duration.ofMillis(50)))) {
            var outcome = new CompletableFuture<Throwable>();
            Thread measuring = Thread.ofPlatform().start(() -> {
                try {
                    StubLoadDriver.measure(stub.baseUrl(), 16, Duration.ofMinutes(5), Duration.ofMinutes(5), 1_000_000);
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            });
            // waiting on its workers' futures: the load is running
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> measuring.getState() == Thread.State.TIMED_WAITING);
            measuring.interrupt();
            // well inside the 10-minute warm-up and window it would otherwise wait out
            assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            measuring.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(measuring.isAlive()).isFalse();
        }
    }
}
