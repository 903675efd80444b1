package parbench.workload.stub;

/**
 * What a {@link StubLoadDriver} measured against a stub: how many requests completed in the
 * measured window, how many failed, the throughput, and the latency percentiles. A value: crosses
 * into the run manifest as is (plain numbers, no {@code Duration}).
 *
 * @param baseUrl           the server measured
 * @param inFlight          requests kept in flight at once (one connection each)
 * @param seconds           length of the measured window, after the warm-up
 * @param requests          requests completed in the window, failed ones included
 * @param errors            requests that got neither 200 nor 404, or no answer at all
 * @param requestsPerSecond {@code requests / seconds}
 * @param p50Millis         median latency of a request, ms
 * @param p90Millis         90th percentile, ms
 * @param p99Millis         99th percentile, ms
 * @param maxMillis         slowest request, ms
 */
public record StubCapacity(String baseUrl, int inFlight, double seconds, long requests, long errors,
                           double requestsPerSecond, double p50Millis, double p90Millis, double p99Millis,
                           double maxMillis) {

    /** One line for people: {@code 6123 req/s (61230 requests in 10.0 s, 0 errors, 256 in flight; ...)}. */
    public String summary() {
        return "%.0f req/s (%d requests in %.1f s, %d errors, %d in flight; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms) against %s"
                .formatted(requestsPerSecond, requests, seconds, errors, inFlight,
                        p50Millis, p90Millis, p99Millis, maxMillis, baseUrl);
    }
}
