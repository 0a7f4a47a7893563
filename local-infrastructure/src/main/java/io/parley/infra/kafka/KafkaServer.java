package io.parley.infra.kafka;

import io.parley.infra.ServerProfile;
import io.parley.infra.process.ChildProcess;
import io.parley.infra.process.ChildProcessServer;
import io.parley.infra.process.ChildProcessSpec;
import io.parley.infra.process.JavaCommand;
import io.parley.infra.process.JavaInstallation;
import io.parley.infra.process.Readiness;
import io.parley.infra.process.ServerClasspath;
import io.parley.infra.process.ServerDirectory;
import io.parley.infra.process.StickyPorts;
import io.parley.infra.process.TextFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Apache Kafka 4.2 in KRaft mode, broker and controller in one child JVM. The storage is formatted before the
 * first start only; a stopped server starts again on the same data and the same port, so a test can take the
 * broker away from its clients and give it back.
 */
public final class KafkaServer extends ChildProcessServer {

    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx512m",
            "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
            "-Djava.awt.headless=true");

    private final ServerProfile profile;
    private KafkaBrokerConfig config;

    /** A server keeping everything under {@code directory}, tuned to start quickly; nothing runs until {@link #start()}. */
    public KafkaServer(Path directory) {
        this(directory, ServerProfile.QUICK_START);
    }

    public KafkaServer(Path directory, ServerProfile profile) {
        super("kafka", directory);
        this.profile = profile;
    }

    /** {@code 127.0.0.1:<port>}, for the {@code bootstrap.servers} of clients. */
    public synchronized String bootstrapServers() {
        if (config == null) {
            throw notStarted();
        }
        return config.bootstrapServers();
    }

    @Override
    protected synchronized ChildProcess launch(ServerDirectory directory) {
        if (config == null) {
            config = assignPorts(directory);
        }
        Path configFile = TextFiles.write(directory.resolve("server.properties"), config.toPropertiesText());
        Path log4jConfig = TextFiles.copyResource(KafkaServer.class, "log4j2.xml", directory.resolve("log4j2.xml"));
        ServerClasspath classpath = ServerClasspath.load("kafka");
        if (!KafkaStorage.isFormatted(config.logDirectory())) {
            KafkaStorage.format(directory, classpath, configFile, log4jConfig);
        }
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        jvmOptions.addAll(profile.compilerOptions());
        jvmOptions.add("-Dlog4j2.configurationFile=" + log4jConfig);
        jvmOptions.add("-Dkafka.logs.dir=" + directory.createDirectories("logs"));
        JavaCommand command = new JavaCommand(JavaInstallation.current(), jvmOptions, classpath, MAIN_CLASS,
                List.of(configFile.toString()));
        return ChildProcess.start(ChildProcessSpec.server(name(), command.commandLine(directory), directory,
                GRACEFUL_STOP));
    }

    @Override
    protected void awaitReady(ChildProcess process) {
        try (KafkaBrokerProbe probe = new KafkaBrokerProbe(config.brokerPort())) {
            Readiness.await(process, "the broker at " + config.bootstrapServers() + " in the cluster metadata",
                    START_TIMEOUT, probe::brokerIsServing);
        }
    }

    @Override
    protected String describeEndpoint() {
        return bootstrapServers();
    }

    private static KafkaBrokerConfig assignPorts(ServerDirectory directory) {
        Map<String, Integer> ports = StickyPorts.assign(directory.resolve("ports.properties"),
                List.of("broker", "controller"));
        return new KafkaBrokerConfig(ports.get("broker"), ports.get("controller"),
                directory.resolve("kraft-combined-logs"));
    }
}
