package parbench.report.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import parbench.report.jmh.BadInputException;
import parbench.report.jmh.BenchmarkResult;
import parbench.report.jmh.InputPath;
import parbench.report.output.InertText;
import parbench.report.jmh.JmhJsonReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One INPUT of the report or of compare: a parbench run directory ({@code manifest.json} plus
 * {@code cores-<c>.json} and {@code python-cores-<c>.json}) or a single JMH JSON file from any project.
 *
 * @param source   the path the user gave
 * @param label    how the input is named on the page: host, JDK and date from the manifest, else the file name
 * @param manifest the run manifest, when the input is a run directory that has one
 * @param sets     one result set per JSON file, ordered by core count
 */
public record RunInput(Path source, String label, Optional<RunManifest> manifest, List<ResultSet> sets) {

    /** The largest core count a result file's name may state; well beyond any machine. */
    public static final int MAX_CORES = 1 << 20;

    private static final Pattern CORES_FILE = Pattern.compile("(python-)?cores-(\\d+)\\.json");
    private static final ObjectMapper MANIFEST_MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("inert-text")
                    .addDeserializer(String.class, new InertStrings()))
            .build();

    public RunInput {
        sets = List.copyOf(sets);
    }

    /** Loads a run directory or a JMH JSON file; every failure names the file and the reason. */
    public static RunInput load(Path source) throws BadInputException {
        if (InputPath.of(source) == InputPath.Kind.DIRECTORY) {
            return loadDirectory(source);
        }
        var file = new JmhJsonReader().read(source);
        Matcher m = CORES_FILE.matcher(source.getFileName().toString());
        OptionalInt cores = m.matches() ? OptionalInt.of(coreCount(source, m.group(2))) : OptionalInt.empty();
        boolean python = m.matches() && m.group(1) != null;
        return new RunInput(source, labelOf(source, Optional.empty(), file.results()), Optional.empty(),
                List.of(new ResultSet(source, cores, python, file.results())));
    }

    /** Every result of every set, in order. */
    public List<BenchmarkResult> results() {
        return sets.stream().flatMap(s -> s.results().stream()).toList();
    }

    private static RunInput loadDirectory(Path dir) throws BadInputException {
        Optional<RunManifest> manifest = readManifest(dir.resolve("manifest.json"));
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> CORES_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(RunInput::coresOf).thenComparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new BadInputException(dir, "cannot list the directory: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new BadInputException(dir, "not a run directory: no cores-<c>.json inside");
        }
        JmhJsonReader reader = new JmhJsonReader();
        List<ResultSet> sets = new ArrayList<>();
        for (Path file : files) {
            Matcher m = CORES_FILE.matcher(file.getFileName().toString());
            m.matches();
            sets.add(new ResultSet(file, OptionalInt.of(coreCount(file, m.group(2))), m.group(1) != null,
                    reader.read(file).results()));
        }
        List<BenchmarkResult> all = sets.stream().flatMap(s -> s.results().stream()).toList();
        return new RunInput(dir, labelOf(dir, manifest, all), manifest, sets);
    }

    private static int coresOf(Path file) {
        Matcher m = CORES_FILE.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return Integer.MAX_VALUE;
        }
        try {
            return coreCount(file, m.group(2));
        } catch (BadInputException e) {
            return Integer.MAX_VALUE; // refused when the file is read, with its name
        }
    }

    /** The core count a file's name states, 1 to {@value #MAX_CORES}. */
    private static int coreCount(Path file, String digits) throws BadInputException {
        // at most 8 digits: no overflow before the range check
        int cores = digits.length() > 8 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (cores < 1 || cores > MAX_CORES) {
            throw new BadInputException(file, "the file name says " + digits + " cores; a core count is 1 to "
                    + MAX_CORES);
        }
        return cores;
    }

    private static Optional<RunManifest> readManifest(Path file) throws BadInputException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        InputPath.requireFile(file);
        try {
            return Optional.of(MANIFEST_MAPPER.readValue(file.toFile(), RunManifest.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "unreadable manifest: " + e.getOriginalMessage().replaceAll("\\s+", " "), e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            throw new BadInputException(file, "cannot read the manifest: " + e.getMessage(), e);
        }
    }

    private static String labelOf(Path source, Optional<RunManifest> manifest, List<BenchmarkResult> results) {
        Path name = source.getFileName();
        String fallback = InertText.of(name == null ? source.toString() : name.toString());
        if (manifest.isPresent()) {
            RunManifest m = manifest.get();
            List<String> parts = new ArrayList<>();
            if (m.host() != null) {
                parts.add(m.host());
            }
            if (m.jdk() != null && m.jdk().version() != null) {
                parts.add("JDK " + m.jdk().version());
            }
            if (m.startedAt() != null) {
                parts.add(m.startedAt());
            }
            return parts.isEmpty() ? fallback : String.join(" · ", parts);
        }
        return results.stream().map(BenchmarkResult::jdkVersion).flatMap(Optional::stream).findFirst()
                .map(jdk -> fallback + " (JDK " + jdk + ")")
                .orElse(fallback);
    }

    /** Every string of a manifest read as {@link InertText}: the CPU model and JDK version reach terminals. */
    private static final class InertStrings extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        private static final long serialVersionUID = 1L;

        InertStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser parser,
                com.fasterxml.jackson.databind.DeserializationContext context) throws IOException {
            return InertText.of(com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance
                    .deserialize(parser, context));
        }
    }
}
