package io.parley.infra.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Stops a process and everything it started: SIGTERM, a grace period, then SIGKILL. */
final class ProcessTree {

    private static final Duration FORCED_EXIT_WAIT = Duration.ofSeconds(5);
    private static final Duration DESCENDANT_GRACE = Duration.ofSeconds(2);
    private static final Duration EXIT_POLL_INTERVAL = Duration.ofMillis(20);

    private ProcessTree() {
    }

    static void stop(ProcessHandle root, Duration gracefulStop) {
        List<ProcessHandle> descendants = root.descendants().toList();
        terminate(root, gracefulStop);
        // A forcibly killed parent (such as the redis shell wrapper) cannot stop its own children.
        descendants.stream().filter(child -> !hasExited(child)).forEach(child -> terminate(child, DESCENDANT_GRACE));
    }

    private static void terminate(ProcessHandle process, Duration gracefulStop) {
        if (hasExited(process)) {
            return;
        }
        process.destroy();
        if (!awaitExit(process, gracefulStop)) {
            process.destroyForcibly();
            awaitExit(process, FORCED_EXIT_WAIT);
        }
    }

    /**
     * Polls for the process's exit. {@code ProcessHandle.onExit()} is no good here: for a process that is not our
     * child, or whose exit status the JDK's reaper thread has already collected, it polls with a backoff that
     * grows to seconds.
     */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasExited(process)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(EXIT_POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return hasExited(process);
            }
        }
        return true;
    }

    /**
     * Whether the process has terminated. A zombie has: it only waits for its parent to collect its status, and
     * an orphan's new parent (PID 1 of a container, say) may take seconds to do so, while {@code isAlive()} is
     * still true.
     */
    static boolean hasExited(ProcessHandle process) {
        return !process.isAlive() || isZombie(process.pid());
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (command) state ...": the command may itself contain spaces and parentheses.
            String afterCommand = stat.substring(stat.lastIndexOf(')') + 1).trim();
            return afterCommand.startsWith("Z") || afterCommand.startsWith("X");
        } catch (IOException e) {
            // Not Linux, or the process is gone: isAlive() decides.
            return false;
        }
    }
}
