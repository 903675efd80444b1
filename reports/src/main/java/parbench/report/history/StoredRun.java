package parbench.report.history;

import java.time.Instant;

/**
 * A run as the history lists it.
 *
 * @param id        content hash
 * @param testbed   where it ran
 * @param commit    the commit, or null
 * @param branch    the branch, or null
 * @param time      when it ran
 * @param source    the path it was ingested from
 */
public record StoredRun(String id, Testbed testbed, String commit, String branch, Instant time, String source) {
}
