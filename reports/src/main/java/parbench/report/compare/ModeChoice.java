package parbench.report.compare;

import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The mode a comparison runs in and why: the first line of every output.
 *
 * <p>{@link HardwareMode#AUTO} picks same-hardware when every run on both sides has a manifest and they agree on CPU
 * model, logical core count and JDK version; cross-hardware when they differ in any of them; same-hardware with a
 * warning when a manifest (or one of those fields) is missing, as for plain JMH JSON, because absolute scores are then
 * the only thing left to compare.
 *
 * @param mode    {@link HardwareMode#SAME_HARDWARE} or {@link HardwareMode#CROSS_HARDWARE}, never auto
 * @param reason  why, in one line
 * @param warning set when the choice is a guess
 */
public record ModeChoice(HardwareMode mode, String reason, Optional<String> warning) {

    /** {@code mode: same-hardware (reason)}. */
    public String line() {
        return "mode: " + mode.label() + " (" + reason + ")";
    }

    /** Resolves {@code requested} for these inputs. */
    public static ModeChoice choose(HardwareMode requested, List<RunInput> baseline, List<RunInput> candidate) {
        if (requested != HardwareMode.AUTO) {
            return new ModeChoice(requested, "requested with --mode " + requested.label()
                    + (requested == HardwareMode.CROSS_HARDWARE ? "; comparing speedups over sequential, not absolute scores" : ""),
                    Optional.empty());
        }
        List<RunInput> all = new ArrayList<>(baseline);
        all.addAll(candidate);
        Set<String> noManifest = new LinkedHashSet<>();
        Set<String> incomplete = new LinkedHashSet<>();
        for (RunInput input : all) {
            Optional<RunManifest> m = input.manifest();
            if (m.isEmpty()) {
                noManifest.add(input.source().toString());
            } else if (cpuModel(m.get()) == null || logicalCores(m.get()) == null || jdk(m.get()) == null) {
                incomplete.add(input.source().toString());
            }
        }
        if (!noManifest.isEmpty() || !incomplete.isEmpty()) {
            List<String> why = new ArrayList<>();
            if (!noManifest.isEmpty()) {
                why.add("no manifest for " + String.join(", ", noManifest) + " (plain JMH JSON)");
            }
            if (!incomplete.isEmpty()) {
                why.add("the manifest of " + String.join(", ", incomplete) + " lacks CPU model, logical cores or JDK");
            }
            return new ModeChoice(HardwareMode.SAME_HARDWARE, "auto: " + String.join("; ", why)
                    + ", so the hardware cannot be checked; assuming the same machine",
                    Optional.of("hardware not checked: absolute scores are compared as if both sides ran on the same"
                            + " machine"));
        }
        List<RunManifest> manifests = all.stream().map(i -> i.manifest().orElseThrow()).toList();
        List<String> differences = new ArrayList<>();
        differ(manifests, ModeChoice::cpuModel, "CPU model", differences);
        differ(manifests, ModeChoice::logicalCores, "logical cores", differences);
        differ(manifests, ModeChoice::jdk, "JDK version", differences);
        if (differences.isEmpty()) {
            RunManifest m = manifests.get(0);
            return new ModeChoice(HardwareMode.SAME_HARDWARE, "auto: the manifests agree on CPU '" + cpuModel(m)
                    + "', " + logicalCores(m) + " logical cores, JDK " + jdk(m), Optional.empty());
        }
        return new ModeChoice(HardwareMode.CROSS_HARDWARE, "auto: the manifests differ in "
                + String.join(", ", differences) + "; comparing speedups over sequential and efficiency, not absolute"
                + " scores", Optional.empty());
    }

    private static void differ(List<RunManifest> manifests, Function<RunManifest, Object> field, String name,
                               List<String> differences) {
        Set<String> values = manifests.stream().map(field).map(v -> "'" + v + "'")
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (values.size() > 1) {
            differences.add(name + " (" + String.join(" vs ", values) + ")");
        }
    }

    private static String cpuModel(RunManifest m) {
        return m.cpu() == null ? null : m.cpu().model();
    }

    private static Integer logicalCores(RunManifest m) {
        return m.cpu() == null ? null : m.cpu().logicalCores();
    }

    private static String jdk(RunManifest m) {
        return m.jdk() == null ? null : m.jdk().version();
    }
}
