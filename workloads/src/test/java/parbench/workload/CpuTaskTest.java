package parbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuTaskTest {

    /** Values computed once with this implementation; the Python port must print the same. */
    @ParameterizedTest(name = "run({0}, {1}) = {2}")
    @CsvSource({
            "1, 1, 910a2dec89025cc1",
            "1, 1000, 60e81d6f5e2aa735",
            "42, 1000000, 6f83e7e590cb95eb",
    })
    void matchesPinnedValues(long seed, long work, String expected) {
        assertThat(Long.toHexString(CpuTask.run(seed, work))).isEqualTo(expected);
    }

    @Test
    void zeroWorkReturnsTheSeed() {
        assertThat(CpuTask.run(12_345L, 0)).isEqualTo(12_345L);
    }

    @Test
    void oneStepIsOneSplitMixStep() {
        assertThat(CpuTask.run(7L, 1)).isEqualTo(CpuTask.mix(7L + 0x9E3779B97F4A7C15L));
    }

    /** SplitMix64 seeded with 0 first outputs 0xe220a8397b1dcdaf (Vigna's reference splitmix64.c). */
    @Test
    void firstStepFromZeroIsTheSplitMix64ReferenceOutput() {
        assertThat(CpuTask.run(0L, 1)).isEqualTo(0xe220a8397b1dcdafL);
    }

    @Test
    void expectedEqualsApplied() {
        var task = new CpuTask(500);
        assertThat(task.inputs(5)).allSatisfy(seed -> assertThat(task.apply(seed)).isEqualTo(task.expected(seed)));
    }
}
