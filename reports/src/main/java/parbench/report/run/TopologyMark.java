package parbench.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A core count from which a sweep's CPUs change kind, as its manifest's {@code topology} records it: from
 * {@code smtSiblingsFrom} on, core counts include SMT siblings of cores already in use; from {@code secondPackageFrom}
 * on, they span a second package (socket). The report draws each as a vertical line on its core-count charts and
 * states it once beside the environment, so a curve that bends there can be read against the hardware.
 *
 * @param kind what begins at {@code fromCores}
 * @param fromCores the smallest core count it applies to, at least 1
 */
public record TopologyMark(Kind kind, int fromCores) {

    /** What begins at the mark. */
    public enum Kind {
        SMT_SIBLINGS("smt", "SMT siblings from here", "share physical cores (SMT)"),
        SECOND_PACKAGE("socket", "2nd socket from here", "span a second socket");

        private final String id;
        private final String chartLabel;
        private final String predicate;

        Kind(String id, String chartLabel, String predicate) {
            this.id = id;
            this.chartLabel = chartLabel;
            this.predicate = predicate;
        }

        /** A short stable name for the page's data: {@code smt}, {@code socket}. */
        public String id() {
            return id;
        }
    }

    public TopologyMark {
        if (fromCores < 1) {
            throw new IllegalArgumentException("a topology mark needs a core count of at least 1, not " + fromCores);
        }
    }

    /** The label on the chart, e.g. "SMT siblings from here". */
    public String chartLabel() {
        return kind.chartLabel;
    }

    /** One clause for the environment and summary.md, e.g. "core counts ≥ 9 share physical cores (SMT)". */
    public String note() {
        return String.format(Locale.ROOT, "core counts ≥ %d %s", fromCores, kind.predicate);
    }

    /**
     * The marks of a manifest, by core count (SMT first where both start at the same count); none for a manifest
     * without a topology, for fields that are null and for values below 1, which no sweep writes.
     */
    public static List<TopologyMark> of(Optional<RunManifest> manifest) {
        var marks = new ArrayList<TopologyMark>();
        RunManifest.Topology topology = manifest.map(RunManifest::topology).orElse(null);
        if (topology == null) {
            return List.of();
        }
        add(marks, Kind.SMT_SIBLINGS, topology.smtSiblingsFrom());
        add(marks, Kind.SECOND_PACKAGE, topology.secondPackageFrom());
        marks.sort(java.util.Comparator.comparingInt(TopologyMark::fromCores));
        return List.copyOf(marks);
    }

    /** The notes of {@code marks} as one line, e.g. "core counts ≥ 5 share physical cores (SMT)"; empty for none. */
    public static String notes(List<TopologyMark> marks) {
        return String.join("; ", marks.stream().map(TopologyMark::note).toList());
    }

    private static void add(List<TopologyMark> marks, Kind kind, Integer from) {
        if (from != null && from >= 1) {
            marks.add(new TopologyMark(kind, from));
        }
    }
}
