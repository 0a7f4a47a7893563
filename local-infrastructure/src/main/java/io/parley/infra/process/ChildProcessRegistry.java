package io.parley.infra.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every child process this JVM started and has not stopped yet. A shutdown hook stops them all, in parallel,
 * when the JVM exits normally or on SIGINT/SIGTERM. (On SIGKILL no hook runs; the children's watchdogs see
 * their standard input close and exit by themselves.)
 */
final class ChildProcessRegistry {

    /** Longer than any server's graceful stop, so that the forced kill still happens inside the hook. */
    private static final Duration HOOK_TIMEOUT = Duration.ofSeconds(45);
    private static final Set<ChildProcess> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile boolean hookInstalled;

    private ChildProcessRegistry() {
    }

    static void register(ChildProcess process) {
        installShutdownHookOnce();
        RUNNING.add(process);
    }

    static void unregister(ChildProcess process) {
        RUNNING.remove(process);
    }

    private static synchronized void installShutdownHookOnce() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(ChildProcessRegistry::stopAll, "local-infrastructure-stop"));
            hookInstalled = true;
        }
    }

    private static void stopAll() {
        List<Thread> stoppers = new ArrayList<>();
        for (ChildProcess process : List.copyOf(RUNNING)) {
            Thread stopper = new Thread(process::stop, "stop-" + process.name());
            stopper.start();
            stoppers.add(stopper);
        }
        long deadline = System.nanoTime() + HOOK_TIMEOUT.toNanos();
        for (Thread stopper : stoppers) {
            try {
                stopper.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
