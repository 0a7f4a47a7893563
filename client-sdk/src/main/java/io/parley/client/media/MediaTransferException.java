package io.parley.client.media;

/** An upload or download that failed for good: the server refused it, or retries ran out. */
public final class MediaTransferException extends RuntimeException {

    private final int status;

    public MediaTransferException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the refusal, or 0 when the network failed. */
    public int status() {
        return status;
    }
}
