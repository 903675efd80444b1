package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSettingsTest {

    private static SweepSettings quickWith(String... userOptions) {
        return new SweepSettings(SweepProfile.QUICK, CoreSet.parse("1", 1), ".*", Path.of("run"), null,
                List.of(userOptions), Path.of("java"), "cp", 0, true);
    }

    @Test
    void userJmhOptionsReplaceTheProfilesOfTheSameNameAndParamsGoToThePlan() {
        var settings = quickWith("-i", "3", "-p", "parallelism=4", "-p", "tasks=8", "-foe", "false");

        assertThat(settings.jmhOptions()).containsExactly("-f", "2", "-wi", "1", "-w", "200ms", "-r", "200ms",
                "-i", "3", "-foe", "false");
    }

    @Test
    void timingTakesTheUsersForksIterationsAndTimes() {
        var settings = quickWith("-f", "1", "-i", "7", "-r", "1s", "-w", "50ms");

        assertThat(settings.timing()).isEqualTo(new JmhTiming(1, 1, 7, Duration.ofMillis(50), Duration.ofSeconds(1)));
    }
}
