package io.parley.infra;

import java.nio.file.Path;

/** Where local servers keep their data, logs and pid files: one sub-folder per server under a base directory. */
public final class InfrastructureDirectory {

    /** System property naming the base directory; the build sets it per module for integration tests. */
    public static final String BASE_DIRECTORY_PROPERTY = "parley.infra.dir";

    private InfrastructureDirectory() {
    }

    /** The {@value #BASE_DIRECTORY_PROPERTY} system property, else {@code target/local-infrastructure}. */
    public static Path defaultBaseDirectory() {
        String configured = System.getProperty(BASE_DIRECTORY_PROPERTY);
        Path base = configured == null || configured.isBlank()
                ? Path.of("target", "local-infrastructure")
                : Path.of(configured);
        return base.toAbsolutePath().normalize();
    }
}
