package parbench.report.history;

import parbench.report.jmh.BadInputException;
import parbench.report.run.ResultSet;
import parbench.report.run.RunInput;
import parbench.report.run.RunManifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One run ready to be stored: its results, the testbed it ran on, and where it sits in history (commit, branch,
 * time). Its {@link #id} is the SHA-256 of the run's files (names and bytes), so ingesting the same run twice stores it
 * once whatever the flags said the second time.
 *
 * @param id       content hash, 64 hex digits
 * @param input    the results as the report reads them
 * @param testbed  where it ran
 * @param commit   the commit measured, or null
 * @param branch   the branch, or null
 * @param time     when it ran
 * @param manifest the manifest's text, or null for a plain JMH file
 */
public record IncomingRun(String id, RunInput input, Testbed testbed, String commit, String branch, Instant time,
                          String manifest) {

    /**
     * What the command line may say about a run: each value, when present, replaces the manifest's. A plain JMH
     * file has no manifest, so there {@code testbed} is required and {@code time} defaults to now.
     */
    public record Overrides(Optional<String> testbed, Optional<String> commit, Optional<String> branch,
                            Optional<String> time) {
        public static Overrides none() {
            return new Overrides(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** Reads {@code source} (a run directory or a JMH JSON file); every failure names the file and the reason. */
    public static IncomingRun read(Path source, Overrides overrides, Instant now) throws BadInputException {
        RunInput input = RunInput.load(source);
        Optional<RunManifest> manifest = input.manifest();
        Testbed testbed;
        if (overrides.testbed().isPresent()) {
            testbed = Testbed.named(overrides.testbed().get(), manifest.orElse(null));
        } else if (manifest.isPresent()) {
            testbed = Testbed.of(manifest.get());
        } else {
            throw new BadInputException(source, "no manifest.json to take the testbed from: give --testbed NAME");
        }
        String commit = overrides.commit().orElse(manifest.map(RunManifest::git).map(RunManifest.Git::commit)
                .orElse(null));
        String branch = overrides.branch().orElse(null);
        Instant time;
        if (overrides.time().isPresent()) {
            time = instant(source, overrides.time().get(), "--time");
        } else if (manifest.isPresent() && manifest.get().startedAt() != null) {
            time = instant(source, manifest.get().startedAt(), "the manifest's startedAt");
        } else {
            time = now;
        }
        List<Path> files = new ArrayList<>();
        Path manifestFile = Files.isDirectory(source) ? source.resolve("manifest.json") : null;
        String manifestText = null;
        if (manifestFile != null && manifest.isPresent()) {
            files.add(manifestFile);
            manifestText = text(manifestFile);
        }
        for (ResultSet set : input.sets()) {
            files.add(set.file());
        }
        return new IncomingRun(contentHash(files), input, testbed, commit, branch, time, manifestText);
    }

    private static Instant instant(Path source, String text, String what) throws BadInputException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new BadInputException(source, what + " '" + text
                        + "' is not an ISO-8601 time such as 2026-12-01T19:50:00Z");
            }
        }
    }

    private static String text(Path file) throws BadInputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String contentHash(List<Path> files) throws BadInputException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        for (Path file : files) {
            try {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Files.readAllBytes(file));
                digest.update((byte) 0);
            } catch (IOException e) {
                throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
