package parbench.workload.stub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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
}
