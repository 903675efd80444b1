package parbench.report.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AbCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no base            | --candidate JAR                                   | give exactly one of --base JAR and --base-ref REF",
            "two bases          | --base JAR --base-ref HEAD --candidate JAR        | give exactly one of --base JAR and --base-ref REF",
            "missing jar        | --base MISSING --candidate JAR                    | MISSING: --base: no such jar",
            "zero budget        | --base JAR --candidate JAR --budget 0m            | --budget: '0m' is not a positive duration (expected e.g. 10m, 90s, PT10M)",
            "bad budget         | --base JAR --candidate JAR --budget soon          | --budget: 'soon' is not a positive duration (expected e.g. 10m, 90s, PT10M)",
            "ab owns forks      | --base JAR --candidate JAR --jmh-opts -f_3        | -f is set by ab (one fork per pair, JSON results); remove it from the options",
            "unclosed quote     | --base JAR --candidate JAR --base-opts '-jvmArgs_\"-Xmx1g' | unclosed \" in JMH options '-jvmArgs \"-Xmx1g'",
            "unknown order      | --base JAR --candidate JAR --order zigzag         | unknown order 'zigzag', expected one of alternate, random",
            "too few pairs      | --base JAR --candidate JAR --min-pairs 1          | need 2 <= --min-pairs <= --max-pairs, found 1 and 30"})
    void badInputExitsTwoWithOneLineNamingIt(String name, String args, String message) throws IOException {
        Path jar = Files.writeString(dir.resolve("benchmarks.jar"), "not run");
        List<String> argv = new ArrayList<>();
        for (String a : args.trim().split("\\s+")) {
            String v = a.replace("JAR", jar.toString()).replace("MISSING", dir.resolve("missing.jar").toString())
                    .replace('_', ' ');
            argv.add(v.startsWith("'") ? v.substring(1, v.length() - 1) : v);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = AbCommand.execute(new PrintWriter(out), new PrintWriter(err), argv.toArray(String[]::new));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("parbench ab: " + message
                .replace("MISSING", dir.resolve("missing.jar").toString()));
        assertThat(out.toString()).isEmpty();
    }
}
