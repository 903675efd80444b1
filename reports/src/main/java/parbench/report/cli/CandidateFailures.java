package parbench.report.cli;

import parbench.report.compare.ComparisonRow;
import parbench.report.compare.RunComparison;
import parbench.report.compare.Verdict;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.output.InertText;
import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a candidate fails whatever its timings: compare must never pass a broken candidate. Two
 * things break one:
 * <ul>
 *   <li>results missing from a candidate whose manifest records a failure (a core count or Python
 *       run {@code failed} or {@code interrupted}, or a sweep that never finished): those rows are
 *       lost points, not removed benchmarks, unless {@code --allow-removed} says the removals are
 *       intended;</li>
 *   <li>a candidate result whose score is not finite (NaN, infinite): a measurement that did not
 *       happen cannot pass.</li>
 * </ul>
 * Each failure is one line, listed before the comparison, and the exit status is 1. Stateless.
 */
final class CandidateFailures {

    private CandidateFailures() {}

    /** The failures of {@code candidates} in {@code comparison}, one line each; empty when it is sound. */
    static List<String> of(RunComparison comparison, List<RunInput> candidates, boolean allowRemoved) {
        var failures = new ArrayList<String>();
        Optional<String> recorded = recordedFailure(candidates);
        if (recorded.isPresent() && !allowRemoved) {
            for (ComparisonRow row : comparison.rows()) {
                if (row.verdict() == Verdict.REMOVED) {
                    failures.add("missing from the candidate: " + row.key().display() + " (its manifest records "
                            + recorded.get() + "; --allow-removed accepts intended removals)");
                }
            }
        }
        for (RunInput input : candidates) {
            for (BenchmarkResult result : input.results()) {
                double score = result.primaryMetric().score();
                if (!Double.isFinite(score)) {
                    failures.add("not finite in the candidate: " + result.key() + " scored " + score + " ("
                            + input.source() + ")");
                }
            }
        }
        return failures.stream().map(InertText::of).toList();
    }

    /** The first failure any candidate's manifest records, as a phrase, or empty. */
    private static Optional<String> recordedFailure(List<RunInput> candidates) {
        for (RunInput input : candidates) {
            if (input.manifest().isEmpty()) {
                continue;
            }
            RunManifest manifest = input.manifest().get();
            if (manifest.unfinished()) {
                return Optional.of("a sweep that never finished");
            }
            for (RunManifest.CoreCount entry : manifest.coreCounts()) {
                if (!"ok".equals(entry.status())) {
                    return Optional.of(entry.cores() + " core(s) " + entry.status()
                            + (entry.message() == null ? "" : ": " + entry.message()));
                }
            }
            if (manifest.python() != null) {
                for (RunManifest.PythonCoreCount entry : manifest.python().coreCounts()) {
                    if (!"ok".equals(entry.status())) {
                        return Optional.of("Python at " + entry.cores() + " core(s) " + entry.status()
                                + (entry.message() == null ? "" : ": " + entry.message()));
                    }
                }
            }
        }
        return Optional.empty();
    }
}
