package io.parley.chat.ids;

/** No message id can be issued right now (no worker id lease, or the clock went back); retriable. */
public final class IdUnavailableException extends RuntimeException {

    public IdUnavailableException(String message) {
        super(message);
    }
}
