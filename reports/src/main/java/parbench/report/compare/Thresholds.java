package parbench.report.compare;

import parbench.report.jmh.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The smallest change that counts, per benchmark. A thresholds file has one rule per line, {@code regex=percent}
 * ({@code SleepBenchmark=2%}, {@code .*model=process-spawn.*=15}); blank lines and lines starting with {@code #} are
 * ignored; the line splits at its last {@code =}, so the regex may contain {@code =}. The regex is searched (not
 * fully matched) in the benchmark's name with its params (sorted by name) as JMH keys them,
 * {@code parbench.bench.SleepBenchmark.batch{model=fixed-pool, tasks=10}}. The first rule that matches wins; a
 * benchmark no rule matches gets the default ({@code --threshold}). Immutable.
 */
public final class Thresholds {

    private record Rule(Pattern pattern, double fraction) {
    }

    private final double fallback;
    private final List<Rule> rules;

    private Thresholds(double fallback, List<Rule> rules) {
        this.fallback = fallback;
        this.rules = List.copyOf(rules);
    }

    /** Every benchmark gets {@code fraction} (0.05 for 5 %). */
    public static Thresholds uniform(double fraction) {
        return new Thresholds(fraction, List.of());
    }

    /** Reads {@code file}; a bad line is a {@link BadInputException} naming the file, the line and the reason. */
    public static Thresholds read(Path file, double fallback) throws BadInputException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "no such thresholds file", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot read the thresholds file: " + e.getMessage(), e);
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.lastIndexOf('=');
            if (eq <= 0) {
                throw new BadInputException(file, "line " + (i + 1) + ": expected regex=percent, found '" + line + "'");
            }
            Pattern pattern;
            try {
                pattern = Pattern.compile(line.substring(0, eq).strip());
            } catch (PatternSyntaxException e) {
                throw new BadInputException(file, "line " + (i + 1) + ": bad regex: " + e.getDescription(), e);
            }
            try {
                rules.add(new Rule(pattern, percent(line.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(file, "line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Thresholds(fallback, rules);
    }

    /**
     * Parses a percentage, {@code 5%} or {@code 5}, into a fraction (0.05). Must be finite, at least 0 and below
     * 1000 %; the error names the bad text.
     */
    public static double percent(String text) {
        String t = text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a percentage (expected e.g. 5%)");
        }
        if (!Double.isFinite(value) || value < 0 || value >= 1000) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a percentage between 0% and 1000%");
        }
        return value / 100;
    }

    /** The threshold, as a fraction, for {@code key}. */
    public double forKey(ComparisonKey key) {
        if (rules.isEmpty()) {
            return fallback;
        }
        String name = key.benchmarkWithParams();
        for (Rule rule : rules) {
            if (rule.pattern().matcher(name).find()) {
                return rule.fraction();
            }
        }
        return fallback;
    }

    public double fallback() {
        return fallback;
    }

    /** How many rules the file had (0 for {@link #uniform}). */
    public int ruleCount() {
        return rules.size();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s%% default, %d rules", fallback * 100, rules.size());
    }
}
