package io.parley.infra;

/**
 * A real server running on 127.0.0.1 as a child process of this JVM.
 *
 * <p>{@link #start()} returns once the server answers its own protocol (not when its port merely opens) and is
 * idempotent: starting a running server does nothing. A stopped server can be started again on the same data
 * directory and the same ports. Children never outlive this JVM, whether it exits normally, is interrupted or is
 * killed.
 */
public interface LocalServer extends AutoCloseable {

    /** Short name for logs and messages, such as {@code "kafka"}. */
    String name();

    /**
     * Starts the server and waits until it is ready.
     *
     * @throws ServerStartException if it cannot be launched or is not ready in time; the message carries the tail
     *     of the server's log
     */
    void start();

    /** Stops the server: gracefully first, forcibly after a timeout. Does nothing if it is not running. */
    void stop();

    boolean isRunning();

    @Override
    default void close() {
        stop();
    }
}
