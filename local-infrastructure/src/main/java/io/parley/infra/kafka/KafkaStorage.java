package io.parley.infra.kafka;

import io.parley.infra.process.ChildProcess;
import io.parley.infra.process.ChildProcessSpec;
import io.parley.infra.process.JavaCommand;
import io.parley.infra.process.JavaInstallation;
import io.parley.infra.process.ServerClasspath;
import io.parley.infra.process.ServerDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;

/** Formats the KRaft log directory once, before the first start ({@code kafka-storage.sh format}). */
final class KafkaStorage {

    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    /** A short-lived tool: the C1 compiler and serial GC start it in half the time. */
    private static final List<String> TOOL_JVM_OPTIONS =
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private KafkaStorage() {
    }

    static boolean isFormatted(Path logDirectory) {
        return Files.isRegularFile(logDirectory.resolve("meta.properties"));
    }

    static void format(ServerDirectory directory, ServerClasspath classpath, Path config, Path log4jConfig) {
        List<String> jvmOptions = new ArrayList<>(TOOL_JVM_OPTIONS);
        jvmOptions.add("-Dlog4j2.configurationFile=" + log4jConfig);
        JavaCommand command = new JavaCommand(JavaInstallation.current(), jvmOptions, classpath, STORAGE_TOOL,
                List.of("format", "--cluster-id", randomClusterId(), "--config", config.toString(),
                        "--ignore-formatted"));
        ChildProcess.run(ChildProcessSpec.tool("kafka-storage-format", command.commandLine(directory), directory),
                FORMAT_TIMEOUT);
    }

    /**
     * A cluster id as Kafka writes them: 16 random bytes in URL-safe base64 without padding, never starting with
     * {@code -}. One id in 64 would otherwise start with it and the storage tool's argument parser would read it as
     * an option ("--cluster-id: expected one argument"); Kafka's own {@code Uuid.randomUuid()} skips those too.
     */
    static String randomClusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
