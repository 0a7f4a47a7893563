package io.parley.infra.redis;

import io.parley.infra.ServerStartException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a {@code redis-server} binary: the system property {@value #EXECUTABLE_PROPERTY}; else the binary for
 * this platform that {@code com.github.codemonstur:embedded-redis} ships as a resource (Redis 6.2), extracted
 * once into the server's folder; else {@code redis-server} on the PATH (Debian: {@code apt-get install -y
 * redis-server}).
 */
final class RedisExecutable {

    static final String EXECUTABLE_PROPERTY = "parley.infra.redis.executable";

    private RedisExecutable() {
    }

    static Path locate(Path binFolder) {
        String configured = System.getProperty(EXECUTABLE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return requireExecutable(Path.of(configured), "system property " + EXECUTABLE_PROPERTY);
        }
        return bundledResourceName(System.getProperty("os.name"), System.getProperty("os.arch"))
                .map(resource -> extract(resource, binFolder))
                .or(RedisExecutable::onPath)
                .orElseThrow(() -> new ServerStartException("No redis-server for " + System.getProperty("os.name")
                        + "/" + System.getProperty("os.arch") + ": install one on the PATH (Debian: apt-get install -y"
                        + " redis-server) or set -D" + EXECUTABLE_PROPERTY + "=<path>"));
    }

    /** The resource of embedded-redis 1.4 for a platform, if it ships one. */
    static Optional<String> bundledResourceName(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return Optional.of("redis-server-6.2.6-v5-linux-amd64");
        }
        if (os.contains("linux") && arch.equals("aarch64")) {
            return Optional.of("redis-server-6.2.7-linux-arm64");
        }
        if (os.contains("mac") && (arch.equals("aarch64") || arch.equals("arm64"))) {
            return Optional.of("redis-server-6.2.6-v5-darwin-arm64");
        }
        if (os.contains("mac")) {
            return Optional.of("redis-server-6.2.6-v5-darwin-amd64");
        }
        return Optional.empty();
    }

    private static Path extract(String resource, Path binFolder) {
        Path binary = binFolder.resolve(resource);
        if (Files.isExecutable(binary)) {
            return binary;
        }
        try (InputStream in = RedisExecutable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new ServerStartException("Resource " + resource + " not found: is com.github.codemonstur:"
                        + "embedded-redis on the classpath?");
            }
            Files.createDirectories(binFolder);
            // Copy then rename, so that a concurrent or interrupted extraction never leaves half a binary.
            Path partial = Files.createTempFile(binFolder, resource, ".partial");
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            if (!partial.toFile().setExecutable(true, true)) {
                throw new ServerStartException("Cannot make " + partial + " executable");
            }
            return Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot extract " + resource + " to " + binary, e);
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, "redis-server"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Path requireExecutable(Path binary, String source) {
        if (!Files.isExecutable(binary)) {
            throw new ServerStartException(source + " names " + binary + ", which is not an executable file");
        }
        return binary;
    }
}
