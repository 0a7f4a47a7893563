package io.parley.localstack;

import java.nio.file.Path;

/**
 * Where the stack finds the service jars and keeps its data and logs.
 * {@code --repo-root=DIR} (default: the working directory), {@code --data-dir=DIR}
 * (default: target/local-stack under the repository root).
 */
record LocalStackOptions(Path repoRoot, Path dataDir, String version) {

    static LocalStackOptions parse(String[] args) {
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = null;
        for (String arg : args) {
            if (arg.startsWith("--repo-root=")) {
                repoRoot = Path.of(arg.substring("--repo-root=".length())).toAbsolutePath();
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
            } else {
                throw new IllegalArgumentException("Unknown option " + arg + " (known: --repo-root=DIR, --data-dir=DIR)");
            }
        }
        String version = LocalStack.class.getPackage().getImplementationVersion();
        return new LocalStackOptions(repoRoot, dataDir != null ? dataDir : repoRoot.resolve("target/local-stack"),
                version != null ? version : "0.1.0-SNAPSHOT");
    }
}
