package parbench.bench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmarks a regex selects and their {@code @Param} values, as {@code java -jar
 * benchmarks.jar -lp REGEX} prints them; what the {@link Planner} plans from. Immutable.
 *
 * @param benchmarks benchmark name to parameter name to its default values, in JMH's order
 */
public record BenchmarkList(Map<String, Map<String, List<String>>> benchmarks) {

    /** A benchmark line: a qualified name, nothing else (not the JVM's "Picked up JAVA_TOOL_OPTIONS: ..."). */
    private static final Pattern NAME = Pattern.compile("^[\\p{javaJavaIdentifierPart}$]+(\\.[\\p{javaJavaIdentifierPart}$]+)+$");
    private static final Pattern PARAM = Pattern.compile("^\\s+param \"([^\"]+)\" = \\{(.*)}\\s*$");

    public BenchmarkList {
        var copy = new LinkedHashMap<String, Map<String, List<String>>>();
        benchmarks.forEach((name, params) -> {
            var values = new LinkedHashMap<String, List<String>>();
            params.forEach((param, list) -> values.put(param, List.copyOf(list)));
            copy.put(name, java.util.Collections.unmodifiableMap(values));
        });
        benchmarks = java.util.Collections.unmodifiableMap(copy);
    }

    /** Parses JMH's {@code -lp} output. */
    public static BenchmarkList parse(List<String> lines) {
        var benchmarks = new LinkedHashMap<String, Map<String, List<String>>>();
        String current = null;
        for (String line : lines) {
            Matcher param = PARAM.matcher(line);
            if (param.find() && current != null) {
                benchmarks.get(current).put(param.group(1),
                        Arrays.stream(param.group(2).split(",")).map(String::strip).toList());
            } else if (NAME.matcher(line).matches()) {
                current = line.strip();
                benchmarks.put(current, new LinkedHashMap<>());
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

    /** This list without the benchmarks whose name contains {@code fragment}. */
    public BenchmarkList without(String fragment) {
        var kept = new LinkedHashMap<>(benchmarks);
        kept.keySet().removeIf(name -> name.contains(fragment));
        return new BenchmarkList(kept);
    }

    /** Points of one JMH run over every benchmark: each one's grid, where {@code overrides} (-p) narrows it. */
    public int points(Map<String, String> overrides) {
        int points = 0;
        for (Map<String, List<String>> params : benchmarks.values()) {
            int product = 1;
            for (var param : params.entrySet()) {
                String override = overrides.get(param.getKey());
                product *= override != null ? override.split(",").length : param.getValue().size();
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
