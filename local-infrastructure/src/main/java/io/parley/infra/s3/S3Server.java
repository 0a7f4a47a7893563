package io.parley.infra.s3;

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
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * An S3-compatible endpoint: S3Proxy in a child JVM, storing objects as files. Unlike S3 mocks it really checks
 * signatures, so presigned URLs (and their expiry) are tested for real. Use path-style access.
 */
public final class S3Server extends ChildProcessServer {

    /** S3Proxy accepts any region in a signature's scope; clients need one to sign. */
    public static final String REGION = "us-east-1";

    private static final String MAIN_CLASS = "org.gaul.s3proxy.Main";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true");

    private S3ProxyProperties properties;

    /** A server keeping its objects under {@code directory}; nothing runs until {@link #start()}. */
    public S3Server(Path directory) {
        super("s3", directory);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public synchronized URI endpoint() {
        return URI.create(started().endpoint());
    }

    public synchronized String accessKey() {
        return started().credentials().accessKey();
    }

    public synchronized String secretKey() {
        return started().credentials().secretKey();
    }

    public String region() {
        return REGION;
    }

    @Override
    protected synchronized ChildProcess launch(ServerDirectory directory) {
        if (properties == null) {
            int port = StickyPorts.assign(directory.resolve("ports.properties"), List.of("s3")).get("s3");
            properties = new S3ProxyProperties(port, S3Credentials.random(), directory.createDirectories("blobs"));
        }
        Path configFile = TextFiles.write(directory.resolve("s3proxy.conf"), properties.toPropertiesText());
        restrictToOwner(configFile);
        JavaCommand command = new JavaCommand(JavaInstallation.current(), JVM_OPTIONS, ServerClasspath.load("s3proxy"),
                MAIN_CLASS, List.of("--properties", configFile.toString()));
        return ChildProcess.start(ChildProcessSpec.server(name(), command.commandLine(directory), directory,
                GRACEFUL_STOP));
    }

    @Override
    protected void awaitReady(ChildProcess process) {
        // Any HTTP answer (an anonymous request gets 403) means Jetty and the S3 handler are up.
        Readiness.await(process, "an HTTP answer from " + properties.endpoint(), START_TIMEOUT,
                () -> httpStatus(URI.create(properties.endpoint() + "/")) > 0);
    }

    private static int httpStatus(URI uri) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) PROBE_TIMEOUT.toMillis());
        connection.setReadTimeout((int) PROBE_TIMEOUT.toMillis());
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    @Override
    protected String describeEndpoint() {
        return properties.endpoint();
    }

    private S3ProxyProperties started() {
        if (properties == null) {
            throw notStarted();
        }
        return properties;
    }

    /** The file holds the secret key. */
    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the folder's own permissions have to do.
        }
    }
}
