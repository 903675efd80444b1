package parbench.report.history;

import parbench.report.run.RunManifest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Where a run ran: a hardware-and-JDK fingerprint (CPU model, logical and physical cores, memory, kernel, JDK vendor
 * and version) with a readable name such as {@code xeon-2c-jdk25}. Runs are compared by absolute scores only within
 * one testbed; across testbeds only by hardware-independent figures.
 *
 * <p>The {@link #id} is a SHA-256 prefix of the fingerprint, so the same machine and JDK always map to the same
 * testbed. A name given with {@code --testbed} replaces the fingerprint: the user declares which runs belong together,
 * and the id is then derived from that name alone.
 *
 * @param id            stable key
 * @param name          readable name
 * @param cpuModel      CPU model string, or null when unknown
 * @param logicalCores  logical CPUs, or null
 * @param physicalCores physical cores, or null
 * @param memoryBytes   memory, or null
 * @param kernel        the OS version (the kernel on Linux), or null
 * @param jdkVendor     JDK vendor, or null
 * @param jdkVersion    JDK version, e.g. {@code 25.0.3}, or null
 */
public record Testbed(String id, String name, String cpuModel, Integer logicalCores, Integer physicalCores,
                      Long memoryBytes, String kernel, String jdkVendor, String jdkVersion) {

    private static final Set<String> VENDOR_WORDS = Set.of("intel", "amd", "arm", "genuine", "authentic", "cpu",
            "processor", "apple", "qualcomm", "technologies", "inc", "ltd", "r", "tm", "with", "64-bit");

    public Testbed {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** The fingerprint of the machine and JDK the manifest describes, named from them. */
    public static Testbed of(RunManifest manifest) {
        String cpu = manifest.cpu() == null ? null : manifest.cpu().model();
        Integer logical = manifest.cpu() == null ? null : manifest.cpu().logicalCores();
        Integer physical = manifest.cpu() == null ? null : manifest.cpu().physicalCores();
        String kernel = manifest.os() == null ? null : manifest.os().version();
        String vendor = manifest.jdk() == null ? null : manifest.jdk().vendor();
        String jdk = manifest.jdk() == null ? null : manifest.jdk().version();
        String fingerprint = String.join("\u001f", String.valueOf(cpu), String.valueOf(logical),
                String.valueOf(physical), String.valueOf(manifest.memoryBytes()), String.valueOf(kernel),
                String.valueOf(vendor), String.valueOf(jdk));
        return new Testbed(hash("fingerprint\u001f" + fingerprint), readableName(cpu, logical, jdk), cpu, logical,
                physical, manifest.memoryBytes(), kernel, vendor, jdk);
    }

    /** The testbed {@code --testbed NAME} declares, with whatever the manifest (if any) tells about it. */
    public static Testbed named(String name, RunManifest manifest) {
        Testbed measured = manifest == null ? null : of(manifest);
        String id = hash("name\u001f" + name);
        if (measured == null) {
            return new Testbed(id, name, null, null, null, null, null, null, null);
        }
        return new Testbed(id, name, measured.cpuModel, measured.logicalCores, measured.physicalCores,
                measured.memoryBytes, measured.kernel, measured.jdkVendor, measured.jdkVersion);
    }

    /**
     * {@code <cpu>-<logical>c-jdk<feature>}: the first word of the CPU model that is not a vendor word
     * ({@code Intel(R) Xeon(R) Processor} gives {@code xeon}, {@code AMD EPYC 7763 64-Core Processor} gives
     * {@code epyc}), the logical core count and the JDK's feature release. Unknown parts are left out.
     */
    static String readableName(String cpuModel, Integer logicalCores, String jdkVersion) {
        List<String> parts = new ArrayList<>();
        if (cpuModel != null) {
            for (String word : cpuModel.toLowerCase(Locale.ROOT).replaceAll("\\((r|tm)\\)", " ")
                    .split("[^a-z0-9-]+")) {
                if (!word.isEmpty() && !VENDOR_WORDS.contains(word)) {
                    parts.add(word);
                    break;
                }
            }
        }
        if (logicalCores != null) {
            parts.add(logicalCores + "c");
        }
        if (jdkVersion != null) {
            String feature = jdkVersion.startsWith("1.") ? jdkVersion.substring(2) : jdkVersion;
            feature = feature.replaceAll("[^0-9].*$", "");
            if (!feature.isEmpty()) {
                parts.add("jdk" + feature);
            }
        }
        return parts.isEmpty() ? "unknown" : String.join("-", parts);
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
