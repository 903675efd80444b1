package parbench.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks a regex selects and their {@code @Param} grids, as {@code java -jar
 * benchmarks.jar -lp REGEX} prints them; used to plan a sweep. Immutable.
 *
 * @param benchmarks benchmark name to parameter name to its number of values
 */
public record BenchmarkList(Map<String, Map<String, Integer>> benchmarks) {

    /** A benchmark as {@code -l} lists it: a qualified Java name, {@code package.Class.method}. */
    private static final Pattern BENCHMARK = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)+");
    private static final Pattern PARAM = Pattern.compile("^\\s+param \"([^\"]+)\" = \\{(.*)}\\s*$");

    public BenchmarkList {
        benchmarks = Map.copyOf(benchmarks);
    }

    /**
     * Parses JMH's {@code -lp} output strictly: only lines after its {@code Benchmarks:} header,
     * only qualified Java names as benchmarks, so whatever else the JVM prints (JAVA_TOOL_OPTIONS'
     * "Picked up" line, warnings) is never counted as a benchmark.
     */
    public static BenchmarkList parse(List<String> lines) {
        var benchmarks = new LinkedHashMap<String, Map<String, Integer>>();
        String current = null;
        boolean listing = false;
        for (String line : lines) {
            Matcher param = PARAM.matcher(line);
            if (!listing) {
                // what the JVM prints first is no benchmark ("Picked up JAVA_TOOL_OPTIONS: ...")
                listing = line.startsWith("Benchmarks:");
            } else if (param.find() && current != null) {
                benchmarks.get(current).put(param.group(1), param.group(2).split(",").length);
            } else if (BENCHMARK.matcher(line).matches()) {
                current = line;
                benchmarks.put(current, new LinkedHashMap<>());
            } else if (!line.isBlank()) {
                current = null; // a line JMH did not write (a JVM warning): neither a benchmark nor its params
            }
        }
        return new BenchmarkList(benchmarks);
    }

    /** Runs {@code java -cp CLASSPATH org.openjdk.jmh.Main -lp} with {@code selection} and parses it. */
    public static BenchmarkList list(SweepSettings settings, List<String> selection) throws IOException {
        var command = new ArrayList<>(List.of(settings.java().toString(), "-cp", settings.classpath(),
                "org.openjdk.jmh.Main", "-lp"));
        command.addAll(selection);
        Process jmh = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(jmh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (jmh.waitFor() != 0) {
                throw new IOException("listing benchmarks failed: " + String.join(" ", command) + "\n" + out);
            }
        } catch (InterruptedException e) {
            ProcessTree.destroy(jmh);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing benchmarks", e);
        }
        return parse(out.lines().toList());
    }

    /** Points per core count: each benchmark's grid, where {@code overrides} (-p) narrows it. */
    public int points(Map<String, String> overrides) {
        int points = 0;
        for (Map<String, Integer> params : benchmarks.values()) {
            int product = 1;
            for (var param : params.entrySet()) {
                String override = overrides.get(param.getKey());
                product *= override != null ? override.split(",").length : param.getValue();
            }
            points += product;
        }
        return points;
    }

    /** Whether any selected benchmark's name contains {@code fragment}. */
    public boolean anyNamed(String fragment) {
        return benchmarks.keySet().stream().anyMatch(name -> name.contains(fragment));
    }
}
