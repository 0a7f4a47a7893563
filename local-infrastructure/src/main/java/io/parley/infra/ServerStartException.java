package io.parley.infra;

/** A local server could not be launched or did not become ready; the message says which and why. */
public class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
