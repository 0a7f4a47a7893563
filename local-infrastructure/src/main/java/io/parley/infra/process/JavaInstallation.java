package io.parley.infra.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A Java runtime on this machine: its home folder and feature version (17, 21, 25...). */
public record JavaInstallation(Path home, int featureVersion) {

    private static final Pattern JAVA_VERSION_LINE = Pattern.compile("^JAVA_VERSION=\"?([^\"]+)\"?\\s*$");

    public JavaInstallation {
        home = home.toAbsolutePath().normalize();
    }

    /** The runtime of this JVM. */
    public static JavaInstallation current() {
        return new JavaInstallation(Path.of(System.getProperty("java.home")), Runtime.version().feature());
    }

    /**
     * The runtime installed in {@code home}, recognised by an executable {@code bin/java} and the
     * {@code JAVA_VERSION} line of its {@code release} file.
     */
    public static Optional<JavaInstallation> inspect(Path home) {
        if (!Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return Optional.empty();
        }
        return readVersion(home.resolve("release"))
                .map(version -> new JavaInstallation(home, version));
    }

    /** Every runtime directly under {@code root} (such as {@code /usr/lib/jvm}), in name order. */
    public static List<JavaInstallation> findAll(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children
                    .filter(Files::isDirectory)
                    .filter(child -> !Files.isSymbolicLink(child))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(JavaInstallation::inspect)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The feature version of a {@code java.version} string: {@code "17.0.15"} is 17, {@code "1.8.0_392"} is 8. */
    static OptionalInt featureVersionOf(String javaVersion) {
        Matcher matcher = Pattern.compile("^(?:1\\.)?(\\d+)").matcher(javaVersion.trim());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    public Path executable() {
        return home.resolve("bin").resolve("java");
    }

    private static Optional<Integer> readVersion(Path releaseFile) {
        try (Stream<String> lines = Files.lines(releaseFile)) {
            return lines
                    .map(JAVA_VERSION_LINE::matcher)
                    .filter(Matcher::matches)
                    .map(matcher -> featureVersionOf(matcher.group(1)))
                    .filter(OptionalInt::isPresent)
                    .map(OptionalInt::getAsInt)
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
