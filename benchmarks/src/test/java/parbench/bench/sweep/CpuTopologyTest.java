package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CPU choice on sysfs fixtures of two machines this test does not need: an SMT machine (4 cores x 2
 * threads, siblings numbered next to each other, as many AMD and ARM machines do) and a 2-socket
 * machine (2 packages x 2 cores x 2 threads, CPUs interleaved over the sockets, siblings in the upper half).
 */
class CpuTopologyTest {

    private static CpuTopology fixture(String name) throws URISyntaxException {
        Path root = Path.of(CpuTopologyTest.class.getResource(name).toURI());
        return CpuTopology.read(root).orElseThrow();
    }

    @Test
    void smtMachineTakesOneThreadPerCoreBeforeAnySibling() throws Exception {
        CpuTopology smt = fixture("sysfs-smt");
        CpuAffinity all = CpuAffinity.parse("0-7");

        assertThat(smt.order(all)).containsExactly(0, 2, 4, 6, 1, 3, 5, 7);
        assertThat(smt.choose(all, 2)).isEqualTo(new CpuTopology.Choice(java.util.List.of(0, 2), 2, 1, false));
        assertThat(smt.choose(all, 5).smtSiblings()).isTrue();
        assertThat(smt.smtSiblingsFrom(all)).contains(5);
        assertThat(smt.secondPackageFrom(all)).isEmpty();
    }

    @Test
    void twoSocketMachineFillsOneSocketsCoresThenTheOtherThenSiblings() throws Exception {
        CpuTopology sockets = fixture("sysfs-two-sockets");
        CpuAffinity all = CpuAffinity.parse("0-7");

        assertThat(sockets.order(all)).containsExactly(0, 2, 1, 3, 4, 6, 5, 7);
        assertThat(sockets.choose(all, 2).packages()).isEqualTo(1);
        assertThat(sockets.choose(all, 3).packages()).isEqualTo(2);
        assertThat(sockets.secondPackageFrom(all)).contains(3);
        assertThat(sockets.smtSiblingsFrom(all)).contains(5);
        assertThat(sockets.cpus()).filteredOn(cpu -> cpu.id() == 5).singleElement()
                .isEqualTo(new CpuTopology.Cpu(5, 0, 1, 1, java.util.List.of(1, 5)));
    }

    @Test
    void affinityLimitsTheChoiceAndACoresFirstAllowedThreadStandsForIt() throws Exception {
        // GIVEN a process allowed everything but CPU 0 (core 0's first thread)
        CpuTopology smt = fixture("sysfs-smt");

        // THEN core 0 is represented by CPU 1, before the siblings
        assertThat(smt.order(CpuAffinity.parse("1-7"))).containsExactly(1, 2, 4, 6, 3, 5, 7);
    }

    @Test
    void noSysfsIsNoTopology(@org.junit.jupiter.api.io.TempDir Path empty) {
        assertThat(CpuTopology.read(empty.resolve("missing"))).isEmpty();
        assertThat(CpuTopology.read(empty)).isEmpty();
    }
}
