package io.parley.localstack;

import io.parley.infra.ServerProfile;
import java.nio.file.Path;

/**
 * Where the stack finds the service jars and keeps its data and logs.
 * {@code --repo-root=DIR} (default: the working directory), {@code --data-dir=DIR}
 * (default: target/local-stack under the repository root), {@code --profile=quick-start|throughput} (default
 * quick-start: C1 only, small heaps; measured on the 2-core development machine it serves more than the
 * throughput profile, whose C2 compilation in eleven JVMs at once starves the box; throughput is for larger
 * machines, see docs/performance.md).
 */
record LocalStackOptions(Path repoRoot, Path dataDir, String version, ServerProfile profile) {

    static LocalStackOptions parse(String[] args) {
        Path repoRoot = Path.of("").toAbsolutePath();
        Path dataDir = null;
        ServerProfile profile = ServerProfile.QUICK_START;
        for (String arg : args) {
            if (arg.startsWith("--repo-root=")) {
                repoRoot = Path.of(arg.substring("--repo-root=".length())).toAbsolutePath();
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length())).toAbsolutePath();
            } else if (arg.startsWith("--profile=")) {
                profile = profile(arg.substring("--profile=".length()));
            } else {
                throw new IllegalArgumentException(
                        "Unknown option " + arg + " (known: --repo-root=DIR, --data-dir=DIR, --profile=throughput|quick-start)");
            }
        }
        String version = LocalStack.class.getPackage().getImplementationVersion();
        return new LocalStackOptions(repoRoot, dataDir != null ? dataDir : repoRoot.resolve("target/local-stack"),
                version != null ? version : "0.1.0-SNAPSHOT", profile);
    }

    private static ServerProfile profile(String name) {
        return switch (name) {
            case "throughput" -> ServerProfile.THROUGHPUT;
            case "quick-start" -> ServerProfile.QUICK_START;
            default -> throw new IllegalArgumentException("Invalid --profile=" + name + ": use throughput or quick-start");
        };
    }
}
