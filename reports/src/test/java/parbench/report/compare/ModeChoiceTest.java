package parbench.report.compare;

import org.junit.jupiter.api.Test;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ModeChoiceTest {

    private static RunInput run(String name, String cpu, Integer cores, String jdk) {
        RunManifest manifest = new RunManifest(null, null, null, null, name, null,
                new RunManifest.Cpu(cpu, cores, cores), null, new RunManifest.Jdk("Temurin", jdk, null, null),
                null, null, null, null, null, null, null, null);
        return new RunInput(Path.of(name), name, Optional.of(manifest), List.<ResultSet>of());
    }

    private static RunInput plain(String name) {
        return new RunInput(Path.of(name), name, Optional.empty(), List.of());
    }

    @Test
    void agreeingManifestsPickSameHardware() {
        ModeChoice choice = ModeChoice.choose(HardwareMode.AUTO, List.of(run("a", "EPYC", 2, "25.0.1")),
                List.of(run("b", "EPYC", 2, "25.0.1")));

        assertThat(choice.mode()).isEqualTo(HardwareMode.SAME_HARDWARE);
        assertThat(choice.line()).isEqualTo(
                "mode: same-hardware (auto: the manifests agree on CPU 'EPYC', 2 logical cores, JDK 25.0.1)");
        assertThat(choice.warning()).isEmpty();
    }

    @Test
    void aDifferentJdkAloneMakesItCrossHardware() {
        ModeChoice choice = ModeChoice.choose(HardwareMode.AUTO, List.of(run("a", "EPYC", 2, "21.0.9")),
                List.of(run("b", "EPYC", 2, "25.0.1")));

        assertThat(choice.mode()).isEqualTo(HardwareMode.CROSS_HARDWARE);
        assertThat(choice.reason()).contains("JDK version ('21.0.9' vs '25.0.1')").doesNotContain("CPU model");
    }

    @Test
    void aMissingManifestIsSameHardwareWithAWarning() {
        ModeChoice choice = ModeChoice.choose(HardwareMode.AUTO, List.of(plain("a.json")),
                List.of(run("b", "EPYC", 2, "25.0.1")));

        assertThat(choice.mode()).isEqualTo(HardwareMode.SAME_HARDWARE);
        assertThat(choice.reason()).contains("no manifest for a.json");
        assertThat(choice.warning()).isPresent();
    }

    @Test
    void aManifestWithoutTheCpuModelCannotBeChecked() {
        ModeChoice choice = ModeChoice.choose(HardwareMode.AUTO, List.of(run("a", null, 2, "25.0.1")),
                List.of(run("b", "EPYC", 8, "25.0.1")));

        assertThat(choice.mode()).isEqualTo(HardwareMode.SAME_HARDWARE);
        assertThat(choice.warning()).isPresent();
    }

    @Test
    void anExplicitModeIsKeptWhateverTheManifestsSay() {
        ModeChoice choice = ModeChoice.choose(HardwareMode.CROSS_HARDWARE, List.of(plain("a.json")),
                List.of(plain("b.json")));

        assertThat(choice.mode()).isEqualTo(HardwareMode.CROSS_HARDWARE);
        assertThat(choice.reason()).startsWith("requested with --mode cross-hardware");
    }
}
