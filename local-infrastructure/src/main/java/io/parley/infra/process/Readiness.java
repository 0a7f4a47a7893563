package io.parley.infra.process;

import io.parley.infra.ServerStartException;
import java.time.Duration;

/**
 * Waits until a server answers, polling a probe until a deadline. Between polls it waits on the process's exit,
 * so a server that dies during start-up fails the wait at once, with the end of its log in the message.
 */
public final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    /** One readiness check; an exception counts as "not yet" and is reported if the wait times out. */
    @FunctionalInterface
    public interface Probe {
        boolean isReady() throws Exception;
    }

    private Readiness() {
    }

    /**
     * Returns once {@code probe} answers {@code true}.
     *
     * @param condition what the probe checks, for messages, such as "127.0.0.1:9042 answers CQL"
     */
    public static void await(ChildProcess process, String condition, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw process.failure(process.name() + " exited with status " + process.exitStatus()
                        + " before " + condition, lastFailure);
            }
            try {
                if (probe.isReady()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("Interrupted while waiting until " + condition, e);
            } catch (Exception e) {
                lastFailure = e;
            }
            if (System.nanoTime() - deadline > 0) {
                throw process.failure(process.name() + " was not ready within " + timeout.toSeconds()
                        + " s: expected " + condition, lastFailure);
            }
            process.awaitExit(POLL_INTERVAL);
        }
    }
}
