package parbench.report.history;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryDatabaseTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/parbench/report/history/migration");

    @Test
    void theSchemaVersionsThatSkipFlywayAreTheMigrationScripts() throws IOException {
        Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            var versions = files.map(f -> versioned.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt))
                    .toList();
            assertThat(versions).isNotEmpty().isEqualTo(HistoryDatabase.SCHEMA_VERSIONS);
        }
    }
}
