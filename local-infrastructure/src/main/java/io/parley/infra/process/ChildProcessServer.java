package io.parley.infra.process;

import io.parley.infra.LocalServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link LocalServer} run as a child process in its own folder. Subclasses say how to launch it and how to
 * tell it is ready; this class makes start and stop idempotent, replaces a process an earlier run left in the
 * folder, and stops a server that launched but never became ready.
 */
public abstract class ChildProcessServer implements LocalServer {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessServer.class);

    private final String name;
    private final ServerDirectory directory;
    private ChildProcess process;
    private Duration lastStartDuration;

    protected ChildProcessServer(String name, Path directory) {
        this.name = name;
        this.directory = new ServerDirectory(directory);
    }

    @Override
    public final String name() {
        return name;
    }

    /** The folder holding this server's data, configuration, logs and pid file. */
    public final Path directory() {
        return directory.root();
    }

    @Override
    public final synchronized void start() {
        if (isRunning()) {
            return;
        }
        stop();
        directory.create();
        StaleProcesses.reap(directory);
        long startedAt = System.nanoTime();
        ChildProcess launched = launch(directory);
        try {
            awaitReady(launched);
        } catch (RuntimeException | Error e) {
            launched.stop();
            throw e;
        }
        process = launched;
        lastStartDuration = Duration.ofNanos(System.nanoTime() - startedAt);
        LOG.info("{} ready in {} ms at {} (pid {}, folder {})",
                name, lastStartDuration.toMillis(), describeEndpoint(), launched.pid(), directory.root());
    }

    @Override
    public final synchronized void stop() {
        if (process != null) {
            long stoppingAt = System.nanoTime();
            process.stop();
            LOG.info("{} stopped in {} ms", name, Duration.ofNanos(System.nanoTime() - stoppingAt).toMillis());
            process = null;
        }
    }

    @Override
    public final synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The pid of the server process while it runs. */
    public final synchronized OptionalLong pid() {
        return isRunning() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
    }

    /** How long the last successful {@link #start()} took, from launch to ready. */
    public final synchronized Duration lastStartDuration() {
        if (lastStartDuration == null) {
            throw notStarted();
        }
        return lastStartDuration;
    }

    /** Prepares the folder (configuration, ports) and launches the process; called with the folder created. */
    protected abstract ChildProcess launch(ServerDirectory directory);

    /** Returns once the launched process serves requests; throws a {@link io.parley.infra.ServerStartException}. */
    protected abstract void awaitReady(ChildProcess process);

    /** Where clients connect, for logs. */
    protected abstract String describeEndpoint();

    /** For accessors of values that exist only once the server has been started. */
    protected final IllegalStateException notStarted() {
        return new IllegalStateException(name + " has not been started: call start() first");
    }

    @Override
    public String toString() {
        return name + " in " + directory.root();
    }
}
