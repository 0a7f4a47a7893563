package io.parley.infra.redis;

import io.parley.infra.process.ChildProcess;
import io.parley.infra.process.ChildProcessServer;
import io.parley.infra.process.ChildProcessSpec;
import io.parley.infra.process.Readiness;
import io.parley.infra.process.ServerDirectory;
import io.parley.infra.process.StickyPorts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A native {@code redis-server} (see {@link RedisExecutable}), in memory only: no RDB snapshots, no AOF. */
public final class RedisServer extends ChildProcessServer {

    private static final String HOST = "127.0.0.1";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);

    private Integer port;

    /** A server keeping its files under {@code directory}; nothing runs until {@link #start()}. */
    public RedisServer(Path directory) {
        super("redis", directory);
    }

    public String host() {
        return HOST;
    }

    public synchronized int port() {
        if (port == null) {
            throw notStarted();
        }
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, as Lettuce and Spring Data Redis take it. */
    public String uri() {
        return "redis://" + HOST + ":" + port();
    }

    /** Deletes every key of every database ({@code FLUSHALL}), for a clean slate between tests. */
    public void flushAll() {
        try {
            String reply = RedisProtocol.call(address(), "FLUSHALL");
            if (!reply.equals("+OK")) {
                throw new IllegalStateException("FLUSHALL answered " + reply);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot FLUSHALL Redis at " + uri(), e);
        }
    }

    @Override
    protected synchronized ChildProcess launch(ServerDirectory directory) {
        if (port == null) {
            port = StickyPorts.assign(directory.resolve("ports.properties"), List.of("redis")).get("redis");
        }
        Path executable = RedisExecutable.locate(directory.resolve("bin"));
        List<String> arguments = List.of(
                "--bind", HOST,
                "--port", Integer.toString(port),
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.createDirectories("data").toString());
        List<String> command = RedisLaunchScript.command(directory.marker(), executable, arguments);
        return ChildProcess.start(ChildProcessSpec.server(name(), command, directory, GRACEFUL_STOP));
    }

    @Override
    protected void awaitReady(ChildProcess process) {
        Readiness.await(process, "PONG from " + HOST + ":" + port, START_TIMEOUT,
                () -> RedisProtocol.call(address(), "PING").equals("+PONG"));
    }

    @Override
    protected String describeEndpoint() {
        return uri();
    }

    private InetSocketAddress address() {
        return new InetSocketAddress(HOST, port());
    }
}
