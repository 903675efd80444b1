package parbench.report.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TopologyMarkTest {

    private static Optional<RunManifest> manifestWith(RunManifest.Topology topology) {
        return Optional.of(new RunManifest(null, null, null, null, "h", null, null, null, null, null, null, null,
                null, null, null, null, topology));
    }

    @Test
    void marksComeInCoreCountOrderWithTheirNotes() {
        List<TopologyMark> marks = TopologyMark.of(manifestWith(
                new RunManifest.Topology("sysfs", "0-31", 16, 2, 9, 17)));

        assertThat(marks).containsExactly(new TopologyMark(TopologyMark.Kind.SECOND_PACKAGE, 9),
                new TopologyMark(TopologyMark.Kind.SMT_SIBLINGS, 17));
        assertThat(TopologyMark.notes(marks))
                .isEqualTo("core counts ≥ 9 span a second socket; core counts ≥ 17 share physical cores (SMT)");
        assertThat(marks).extracting(TopologyMark::chartLabel)
                .containsExactly("2nd socket from here", "SMT siblings from here");
    }

    @Test
    void nullFieldsAndAbsentTopologiesGiveNoMarks() {
        assertThat(TopologyMark.of(manifestWith(new RunManifest.Topology("sysfs", "0-3", 4, 1, null, null)))).isEmpty();
        assertThat(TopologyMark.of(manifestWith(null))).isEmpty();
        assertThat(TopologyMark.of(Optional.empty())).isEmpty();
    }

    @Test
    void aValueBelowOneIsIgnoredAsNoSweepWritesIt() {
        assertThat(TopologyMark.of(manifestWith(new RunManifest.Topology("sysfs", "0-3", 4, 1, 0, 3))))
                .containsExactly(new TopologyMark(TopologyMark.Kind.SMT_SIBLINGS, 3));
    }
}
