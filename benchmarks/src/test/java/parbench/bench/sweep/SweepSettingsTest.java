package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSettingsTest {

    @Test
    void userJmhOptionsReplaceTheProfilesOfTheSameName() {
        var settings = new SweepSettings(SweepProfile.QUICK, CoreSet.parse("1", 1), ".*", Path.of("run"), null,
                List.of("-i", "3", "-p", "parallelism=4", "-p", "tasks=8"), Path.of("java"), "cp", 0, true);

        assertThat(settings.jmhOptions()).containsExactly("-f", "1", "-wi", "1", "-w", "300ms", "-r", "200ms",
                "-p", "latencyMillis=0", "-i", "3", "-p", "parallelism=4", "-p", "tasks=8");
    }
}
