package parbench.report.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code scripts/parbench ...} command written in a fenced block of the README or of
 * {@code docs/*.md} still works as written: its subcommand exists, and each option it uses is one
 * that the subcommand's own {@code --help} lists. Runs after {@code package} (failsafe), since it
 * starts the real script, which starts the real jars.
 *
 * <p>Options after a bare {@code --} belong to JMH and are not checked here; neither are values.
 * A command that names a lower-case word right after its subcommand ({@code stub capacity},
 * {@code history ingest}) is checked against that sub-subcommand's help.
 */
class DocumentedCommandsIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path SCRIPT = ROOT.resolve("scripts/parbench");
    private static final Pattern FENCE = Pattern.compile("^\\s*```");
    private static final Pattern COMMAND = Pattern.compile("(?:^|[\\s;&|(])scripts/parbench\\s+(.*)$");
    private static final Pattern WORD = Pattern.compile("[a-z][a-z-]*");
    /** Subcommands whose help flag is not {@code --help}: JMH's own. */
    private static final Map<String, String> HELP_FLAG = Map.of("jmh", "-h");

    private final Map<String, String> helpCache = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyDocumentedCommandParses() throws IOException {
        List<Documented> commands = documentedCommands();
        assertThat(commands).as("fenced scripts/parbench commands in README.md and docs/").isNotEmpty();
        return commands.stream().map(command -> DynamicTest.dynamicTest(
                command.file() + ":" + command.line() + " " + command.text(), () -> check(command)));
    }

    private void check(Documented command) throws Exception {
        List<String> tokens = tokens(command.text());
        assertThat(tokens).as("a subcommand after scripts/parbench").isNotEmpty();
        List<String> path = new ArrayList<>(List.of(tokens.getFirst()));
        int first = 1;
        if (tokens.size() > 1 && WORD.matcher(tokens.get(1)).matches()) {
            path.add(tokens.get(1));
            first = 2;
        }
        String help = help(path);
        for (String option : options(tokens.subList(first, tokens.size()))) {
            Pattern listed = Pattern.compile("(?<![\\w-])" + Pattern.quote(option) + "(?![\\w-])");
            assertThat(listed.matcher(help).find())
                    .as("option %s of 'scripts/parbench %s' (%s:%d) in its help:%n%s", option,
                            String.join(" ", path), command.file(), command.line(), help)
                    .isTrue();
        }
    }

    /** The help text of {@code scripts/parbench PATH... --help}; fails the test unless it exits 0. */
    private String help(List<String> path) throws IOException, InterruptedException {
        String key = String.join(" ", path);
        String cached = helpCache.get(key);
        if (cached != null) {
            return cached;
        }
        var command = new ArrayList<String>();
        command.add(SCRIPT.toString());
        command.addAll(path);
        command.add(HELP_FLAG.getOrDefault(path.getFirst(), "--help"));
        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("'%s' finished", String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as("exit status of '%s':%n%s", String.join(" ", command), output).isZero();
        helpCache.put(key, output);
        return output;
    }

    /** The option names among {@code tokens}, up to a bare {@code --} (what follows is JMH's). */
    static Set<String> options(List<String> tokens) {
        var options = new LinkedHashSet<String>();
        for (String raw : tokens) {
            String token = raw.replaceAll("^[\\[(]+", "").replaceAll("[\\])]+$", "");
            if (token.equals("--") || raw.startsWith("[--]") || token.startsWith("#")) {
                break;
            }
            for (String alternative : token.split("\\|")) {
                if (alternative.matches("--?[A-Za-z][\\w-]*(=.*)?")) {
                    options.add(alternative.replaceAll("=.*", ""));
                }
            }
        }
        return options;
    }

    /** Shell-ish words of a command line, without its trailing comment, redirections and pipes. */
    static List<String> tokens(String text) {
        var words = new ArrayList<String>();
        for (String word : text.trim().split("\\s+")) {
            if (word.startsWith("#") || word.equals("|") || word.equals("&&") || word.equals(";")
                    || word.startsWith(">") || word.startsWith("2>")) {
                break;
            }
            if (!word.isEmpty() && !word.equals("&") && !word.equals("\\")) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<Documented> documentedCommands() throws IOException {
        var files = new ArrayList<Path>();
        files.add(ROOT.resolve("README.md"));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        var commands = new ArrayList<Documented>();
        for (Path file : files) {
            commands.addAll(commandsIn(ROOT.relativize(file).toString(), Files.readAllLines(file)));
        }
        return commands;
    }

    /** Commands in fenced blocks, with continuation lines (a trailing backslash, or indented under it) joined. */
    static List<Documented> commandsIn(String file, List<String> lines) {
        var commands = new ArrayList<Documented>();
        boolean fenced = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            if (FENCE.matcher(line).find()) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                continue;
            }
            Matcher matcher = COMMAND.matcher(line);
            if (!matcher.find()) {
                continue;
            }
            var text = new StringBuilder(matcher.group(1));
            int start = index;
            while (index + 1 < lines.size()) {
                String next = lines.get(index + 1);
                boolean continued = text.toString().stripTrailing().endsWith("\\");
                boolean indentedUsage = !next.isBlank() && Character.isWhitespace(next.charAt(0))
                        && next.stripLeading().startsWith("[");
                if (FENCE.matcher(next).find() || !(continued || indentedUsage) || COMMAND.matcher(next).find()) {
                    break;
                }
                text.append(' ').append(next.strip());
                index++;
            }
            commands.add(new Documented(file, start + 1, text.toString().replace("\\ ", " ")));
        }
        return commands;
    }

    record Documented(String file, int line, String text) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
