package parbench.report.analysis;

import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What in the data should make a reader distrust a number, each warning naming the result and its figure. */
public final class Warnings {

    /** Fewer measurement iterations than this leave the confidence interval meaningless. */
    public static final int MIN_ITERATIONS = 3;
    /** A confidence interval wider than this fraction of the score is flagged. */
    public static final double MAX_RELATIVE_ERROR = 0.10;
    private static final int MAX_LISTED = 12;
    /**
     * Above this share of the stub's measured capacity, the stub rather than the model may be what an I/O point
     * measured.
     */
    public static final double MAX_STUB_LOAD = 0.25;

    private Warnings() {
    }

    public static List<String> of(SpeedupTable table) {
        List<String> warnings = new ArrayList<>();
        for (RunInput input : table.inputs()) {
            input.manifest().ifPresent(m -> manifestWarnings(input.label(), m, warnings));
        }
        List<String> fewSamples = new ArrayList<>();
        List<String> wideCi = new ArrayList<>();
        List<String> nanError = new ArrayList<>();
        for (Row row : table.rows()) {
            var m = row.metric();
            String name = describe(table, row);
            if (Double.isNaN(m.scoreError()) || Double.isNaN(m.score())) {
                nanError.add(name);
            } else if (Double.isFinite(m.score()) && m.score() != 0
                    && Math.abs(m.scoreError() / m.score()) > MAX_RELATIVE_ERROR) {
                wideCi.add(String.format(Locale.ROOT, "%s (±%.0f %%)", name, 100 * Math.abs(m.scoreError() / m.score())));
            }
            if (m.iterationCount() < MIN_ITERATIONS && !"ss".equals(row.result().mode())) {
                fewSamples.add(name + " (" + m.iterationCount() + ")");
            }
        }
        summarise(warnings, "Too few samples (fewer than " + MIN_ITERATIONS + " measurement iterations)", fewSamples);
        summarise(warnings, "Confidence interval wider than 10 % of the score", wideCi);
        summarise(warnings, "Error is NaN (JMH could not compute an interval)", nanError);
        neverParallel(table, warnings);
        stubOverload(table, warnings);
        return List.copyOf(warnings);
    }

    private static void manifestWarnings(String label, RunManifest manifest, List<String> warnings) {
        for (RunManifest.CoreCount c : manifest.coreCounts()) {
            if (c.enforcement() != null && !c.enforced()) {
                warnings.add(String.format(Locale.ROOT, "%s: %s cores were not enforced by the OS (%s): the JVM was "
                        + "told its processor count but could run on every core.", label, c.cores(), c.enforcement()));
            }
            if (c.status() != null && !"ok".equals(c.status())) {
                warnings.add(String.format(Locale.ROOT, "%s: the %s-core run %s%s", label, c.cores(), c.status(),
                        c.message() == null ? "." : ": " + c.message()));
            }
        }
    }

    private static void neverParallel(SpeedupTable table, List<String> warnings) {
        Map<String, List<Double>> peaks = table.rows().stream()
                // 0 means not observed: process models run their tasks in other JVMs, out of the gauge's sight
                .filter(r -> r.model() != null && r.peakInFlight() != null && r.peakInFlight() > 0
                        && !Model.isBaseline(r.model()))
                .collect(Collectors.groupingBy(r -> r.workload() + " " + r.model(), TreeMap::new,
                        Collectors.mapping(Row::peakInFlight, Collectors.toList())));
        peaks.forEach((name, values) -> {
            if (values.stream().allMatch(v -> v <= 1.0)) {
                warnings.add(name + " never had more than one task in flight (peakInFlight ≤ 1 in "
                        + values.size() + " results): it ran sequentially.");
            }
        });
    }

    private static void stubOverload(SpeedupTable table, List<String> warnings) {
        List<String> loaded = new ArrayList<>();
        for (Row row : table.rows()) {
            Double rate = row.requestsPerSecond();
            Double capacity = table.inputs().get(row.input()).manifest()
                    .map(RunManifest::stub).map(RunManifest.Stub::capacityRequestsPerSecond).orElse(null);
            if (rate != null && capacity != null && capacity > 0 && rate > MAX_STUB_LOAD * capacity) {
                loaded.add(String.format(Locale.ROOT, "%s (%.0f req/s, %.0f %% of %.0f)", describe(table, row), rate,
                        100 * rate / capacity, capacity));
            }
        }
        summarise(warnings, "Asked more than 25 % of the stub's measured capacity (the stub, not the model, may be "
                + "what was measured)", loaded);
    }

    private static void summarise(List<String> warnings, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        String listed = items.stream().limit(MAX_LISTED).collect(Collectors.joining("; "));
        warnings.add(title + ": " + items.size() + " result" + (items.size() == 1 ? "" : "s") + " — " + listed
                + (items.size() > MAX_LISTED ? "; …" : "") + ".");
    }

    private static String describe(SpeedupTable table, Row row) {
        StringBuilder s = new StringBuilder(row.workload());
        if (!row.result().params().isEmpty()) {
            s.append(' ').append(row.result().params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(",", "[", "]")));
        }
        if (row.cores() != null) {
            s.append(" @").append(Findings.cores(row.cores()));
        }
        if (table.inputs().size() > 1) {
            s.append(" (").append(table.inputs().get(row.input()).label()).append(')');
        }
        return s.toString();
    }
}
