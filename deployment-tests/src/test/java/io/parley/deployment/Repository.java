package io.parley.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout under test: the build passes its root as {@code parley.repo.root}; an IDE run falls back to "..". */
final class Repository {

    static final Path ROOT = root();

    private Repository() {
    }

    static Path path(String first, String... more) {
        return ROOT.resolve(Path.of(first, more));
    }

    private static Path root() {
        String configured = System.getProperty("parley.repo.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("docker-compose.yml")) && !Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("not the repository root (no k8s/): " + root);
        }
        return root;
    }
}
