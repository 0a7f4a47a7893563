package io.parley.infra.cassandra;

import io.parley.infra.ServerProfile;
import io.parley.infra.process.ChildProcess;
import io.parley.infra.process.ChildProcessServer;
import io.parley.infra.process.ChildProcessSpec;
import io.parley.infra.process.JavaCommand;
import io.parley.infra.process.Readiness;
import io.parley.infra.process.ServerClasspath;
import io.parley.infra.process.ServerDirectory;
import io.parley.infra.process.StickyPorts;
import io.parley.infra.process.TextFiles;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apache Cassandra 5.0 as a single node in a child JVM on Java 17 (see {@link CassandraJava} for how that runtime
 * is found). Its data survives restarts; tests isolate themselves with a keyspace each, not a server each.
 */
public final class CassandraServer extends ChildProcessServer {

    private static final String MAIN_CLASS = "org.apache.cassandra.service.CassandraDaemon";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);

    private final ServerProfile profile;
    private CassandraYaml yaml;

    /** A server keeping everything under {@code directory}, tuned to start quickly; nothing runs until {@link #start()}. */
    public CassandraServer(Path directory) {
        this(directory, ServerProfile.QUICK_START);
    }

    public CassandraServer(Path directory, ServerProfile profile) {
        super("cassandra", directory);
        this.profile = profile;
    }

    /** 127.0.0.1 and the native-protocol (CQL) port. */
    public synchronized InetSocketAddress contactPoint() {
        if (yaml == null) {
            throw notStarted();
        }
        return new InetSocketAddress("127.0.0.1", yaml.nativePort());
    }

    /** The data center clients must declare as local: {@code datacenter1}. */
    public String localDatacenter() {
        return CassandraYaml.DATACENTER;
    }

    @Override
    protected synchronized ChildProcess launch(ServerDirectory directory) {
        if (yaml == null) {
            Map<String, Integer> ports = StickyPorts.assign(directory.resolve("ports.properties"),
                    List.of("native", "storage"));
            yaml = new CassandraYaml(ports.get("native"), ports.get("storage"), directory.resolve("data"), profile);
        }
        Path yamlFile = TextFiles.write(directory.resolve("conf/cassandra.yaml"), yaml.toYaml());
        Path logback = TextFiles.copyResource(CassandraServer.class, "logback.xml", directory.resolve("conf/logback.xml"));
        ServerClasspath classpath = ServerClasspath.load("cassandra");
        List<String> jvmOptions = CassandraJvmOptions.forNode(profile, classpath.jarNamed("jamm-"), yamlFile, logback,
                directory.createDirectories("data"), directory.createDirectories("logs"));
        JavaCommand command = new JavaCommand(CassandraJava.select(), jvmOptions, classpath, MAIN_CLASS, List.of());
        return ChildProcess.start(ChildProcessSpec.server(name(), command.commandLine(directory), directory,
                GRACEFUL_STOP));
    }

    @Override
    protected void awaitReady(ChildProcess process) {
        InetSocketAddress contactPoint = contactPoint();
        Readiness.await(process, "CQL answers at " + contactPoint.getHostString() + ":" + contactPoint.getPort(),
                START_TIMEOUT, () -> CassandraCqlProbe.answersCql(contactPoint, localDatacenter()));
    }

    @Override
    protected String describeEndpoint() {
        InetSocketAddress contactPoint = contactPoint();
        return contactPoint.getHostString() + ":" + contactPoint.getPort() + " (data center " + localDatacenter() + ")";
    }
}
