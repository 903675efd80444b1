package parbench.bench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sweep per machine: the second is refused naming the first; the lock dies with its holder. */
class SweepLockTest {

    private static final parbench.bench.faults.FaultLedger LEDGER = new parbench.bench.faults.FaultLedger("concurrent");

    @org.junit.jupiter.api.AfterAll
    static void writeLedger() {
        LEDGER.write();
    }

    @Test
    void aSecondSweepIsRefusedNamingTheHoldersPidAndCommand(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.lock");
        try (var first = SweepLock.acquire(file, "parbench run --profile quick")) {
            var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SweepLock.acquire(file, "parbench python"));
            LEDGER.record(new parbench.bench.faults.FaultLedger.Fault("second sweep in the same JVM",
                    thrown instanceof SweepLock.HeldException, 0, 0));
            assertThatThrownBy(() -> SweepLock.acquire(file, "parbench python"))
                    .isInstanceOf(SweepLock.HeldException.class)
                    .hasMessageStartingWith("another sweep is running on this machine (pid "
                            + ProcessHandle.current().pid() + ": parbench run --profile quick, since ")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void theLockIsFreeAgainOnceReleased(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.lock");
        SweepLock.acquire(file, "first").close();
        try (var second = SweepLock.acquire(file, "second")) {
            assertThat(Files.readString(file)).contains("command second");
        }
    }

    @Test
    void aLockHeldByAnotherProcessRefusesAndIsFreedWhenThatProcessIsKilled(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sweep.lock");
        // python3's fcntl.lockf is the same POSIX lock as Java's FileChannel.lock: the harness run by hand takes it so
        Process holder = new ProcessBuilder("python3", "-c", """
                import fcntl, os, sys
                f = open(sys.argv[1], "a+")
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                f.truncate(0); f.write("pid %d\\ncommand scripts/parbench python\\n" % os.getpid()); f.flush()
                print("locked", flush=True)
                sys.stdin.read()
                """, file.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(7))).isEqualTo("locked\n");
            var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> SweepLock.acquire(file, "parbench run"));
            LEDGER.record(new parbench.bench.faults.FaultLedger.Fault("run while the Python harness holds the machine",
                    thrown instanceof SweepLock.HeldException
                            && thrown.getMessage().contains("(pid " + holder.pid() + ": scripts/parbench python"), 0, 0));
            assertThat(thrown).isInstanceOf(SweepLock.HeldException.class)
                    .hasMessageContaining("(pid " + holder.pid() + ": scripts/parbench python");
        } finally {
            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (var mine = SweepLock.acquire(file, "parbench run")) {
            assertThat(Files.readString(file)).startsWith("pid " + ProcessHandle.current().pid() + "\n");
        }
    }
}
