package io.parley.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class-data sharing for the services' JVMs: on a 2-core machine starting seven Spring Boot services
 * at once, loading and verifying some 15,000 classes each is most of the start-up. The first run of a jar unpacks
 * it ({@code -Djarmode=tools extract}: the CDS archive needs plain jars on the class path, not jars nested in the
 * executable one) and has the JVM write the classes it loaded to an archive when it exits
 * ({@code -XX:ArchiveClassesAtExit}); later runs map that archive ({@code -XX:SharedArchiveFile}). A rebuilt jar
 * gets a fresh unpacked copy and archive: the cache key is its size and modification time.
 */
final class ClassDataSharing {

    private static final String ARCHIVE = "classes.jsa";
    /** CDS explains on stdout which classes it could not archive; nothing a user of the stack needs to read. */
    private static final String QUIET = "-Xlog:cds*=off";

    private final Path cacheDirectory;

    ClassDataSharing(Path cacheDirectory) {
        this.cacheDirectory = cacheDirectory;
    }

    /** How a service runs with shared classes: from {@code jar}, with {@code jvmOptions} added. */
    record Prepared(Path jar, List<String> jvmOptions) {
    }

    /** Unpacks {@code jar} if this is its first run, and says whether its archive is to be mapped or written. */
    Prepared prepare(String service, Path jar) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            return new Prepared(jar, List.of()); // ServiceProcess says which jar is missing and how to build it
        }
        Path unpacked = unpacked(service, jar);
        Path archive = unpacked.getParent().resolve(ARCHIVE);
        return new Prepared(unpacked, List.of(
                Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
                QUIET));
    }

    /** {@code launch} from the unpacked jar, its JVM options followed by the sharing ones. */
    static ServiceLaunch apply(Prepared prepared, ServiceLaunch launch) {
        List<String> options = new ArrayList<>(launch.jvmOptions());
        options.addAll(prepared.jvmOptions());
        return launch.withJar(prepared.jar()).withJvmOptions(options);
    }

    private Path unpacked(String service, Path jar) throws IOException, InterruptedException {
        // The watchdog's jar is on the class path too: the archive is only valid for the class path it was made with.
        String key = service + "-" + stamp(jar) + "-" + stamp(ParentWatchdog.classpath());
        Path directory = cacheDirectory.resolve(key);
        Path unpacked = directory.resolve(jar.getFileName());
        if (Files.isRegularFile(unpacked)) {
            return unpacked;
        }
        Files.createDirectories(cacheDirectory);
        removeStale(service);
        Path partial = cacheDirectory.resolve(key + ".partial");
        deleteTree(partial);
        Process extract = new ProcessBuilder(ServiceProcess.javaExecutable(), "-Djarmode=tools", "-jar", jar.toString(),
                "extract", "--destination", partial.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!extract.waitFor(5, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            extract.destroyForcibly();
            throw new IllegalStateException("Could not unpack " + jar + " for class-data sharing");
        }
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        return unpacked;
    }

    private static String stamp(Path file) throws IOException {
        return Long.toHexString(Files.size(file)) + Long.toHexString(Files.getLastModifiedTime(file).toMillis());
    }

    private void removeStale(String service) throws IOException {
        try (Stream<Path> entries = Files.list(cacheDirectory)) {
            for (Path stale : entries.filter(entry -> entry.getFileName().toString().startsWith(service + "-")).toList()) {
                deleteTree(stale);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
