package parbench.bench.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the sweep's fault tests observed, fault by fault, written as one JSON file under
 * {@code target/reliability/} when the test class ends: {@code docs/reliability.md} takes its
 * figures from these files ({@code scripts/reliability-figures}). Each fault is recorded before it
 * is asserted, so a failing case is counted as what it did. Not thread-safe: one test class, run
 * sequentially, owns one ledger.
 */
public final class FaultLedger {

    /**
     * One fault and its outcome.
     *
     * @param survived        the sweep ended as the contract says (exit status, manifest, console line)
     * @param orphansAfter2s  processes of the sweep's tree still alive 2 s after the fault
     * @param falselyComplete files with a final name (cores-c.json, python-cores-c.json) from an unfinished core count
     */
    public record Fault(String name, boolean survived, int orphansAfter2s, int falselyComplete) {}

    private final String group;
    private final List<Fault> faults = new ArrayList<>();

    public FaultLedger(String group) {
        this.group = group;
    }

    public void record(Fault fault) {
        faults.add(fault);
    }

    /** Writes {@code target/reliability/sweep-<group>.json}. */
    public void write() {
        var json = new StringBuilder("{\"command\": \"run\", \"kind\": \"" + group + "\", \"tried\": " + faults.size()
                + ", \"survived\": " + faults.stream().filter(Fault::survived).count()
                + ", \"orphansAfter2s\": " + faults.stream().mapToInt(Fault::orphansAfter2s).sum()
                + ", \"falselyComplete\": " + faults.stream().mapToInt(Fault::falselyComplete).sum()
                + ", \"cases\": [");
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            json.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": \"").append(f.name().replace("\"", "'"))
                    .append("\", \"survived\": ").append(f.survived())
                    .append(", \"orphansAfter2s\": ").append(f.orphansAfter2s())
                    .append(", \"falselyComplete\": ").append(f.falselyComplete()).append('}');
        }
        json.append("\n]}\n");
        try {
            Path dir = Files.createDirectories(Path.of("target", "reliability"));
            Files.writeString(dir.resolve("sweep-" + group + ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the fault ledger " + group, e);
        }
    }
}
