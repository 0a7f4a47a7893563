package io.parley.infra.process;

import io.parley.infra.ServerStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process started by this JVM for a server folder. It is registered for the JVM shutdown hook at once and its
 * standard input stays an open pipe that is never written: when this JVM dies the pipe closes, which the child's
 * watchdog takes as the signal to exit.
 */
public final class ChildProcess {

    /** Log lines quoted in error messages. */
    public static final int LOG_LINES_IN_ERRORS = 30;

    /** Variables that would inject this JVM's agents or options into the child JVM. */
    private static final List<String> ISOLATED_VARIABLES =
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "CLASSPATH");

    private final ChildProcessSpec spec;
    private final Process process;

    private ChildProcess(ChildProcessSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    /** Launches the process; it is stopped by {@link #stop()} or, at the latest, when this JVM exits. */
    public static ChildProcess start(ChildProcessSpec spec) {
        keepPreviousLog(spec.outputLog());
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .directory(spec.directory().root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(spec.outputLog().toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        ISOLATED_VARIABLES.forEach(environment::remove);
        try {
            ChildProcess child = new ChildProcess(spec, builder.start());
            ChildProcessRegistry.register(child);
            if (spec.recordsPid()) {
                PidFile.write(spec.directory().pidFile(), child.pid());
            }
            return child;
        } catch (IOException e) {
            throw new ServerStartException("Cannot launch " + spec.name() + ": " + spec.command().get(0), e);
        }
    }

    /** Runs a tool to completion; fails with the tail of its log if it fails or overruns {@code timeout}. */
    public static void run(ChildProcessSpec spec, Duration timeout) {
        ChildProcess tool = start(spec);
        try {
            if (!tool.awaitExit(timeout)) {
                throw tool.failure(spec.name() + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (tool.process.exitValue() != 0) {
                throw tool.failure(spec.name() + " failed with exit status " + tool.process.exitValue());
            }
        } finally {
            tool.stop();
        }
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path outputLog() {
        return spec.outputLog();
    }

    /** Exit status, or -1 while running. */
    public int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    /** Waits for the process to exit; returns whether it did within {@code timeout}. */
    public boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** Stops the process and its descendants: SIGTERM, the spec's grace period, then SIGKILL. */
    public void stop() {
        try {
            ProcessTree.stop(process.toHandle(), spec.gracefulStop());
        } finally {
            closeStdin();
            ChildProcessRegistry.unregister(this);
            if (spec.recordsPid()) {
                PidFile.deleteIfRecords(spec.directory().pidFile(), pid());
            }
        }
    }

    /** An exception for a failure of this process, quoting the end of its log. */
    public ServerStartException failure(String message) {
        return failure(message, null);
    }

    public ServerStartException failure(String message, Throwable cause) {
        return new ServerStartException(
                message + "\n" + LogTail.describe(spec.outputLog(), LOG_LINES_IN_ERRORS), cause);
    }

    @Override
    public String toString() {
        return spec.name() + " (pid " + pid() + ")";
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The process is gone; nothing to release.
        }
    }

    /** Keeps the log of the previous run next to the new one, for post-mortems after a restart. */
    private static void keepPreviousLog(Path log) {
        if (Files.exists(log)) {
            try {
                Files.move(log, log.resolveSibling(log.getFileName() + ".previous"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                // Not worth failing a start for: the new run overwrites the log instead.
            }
        }
    }
}
