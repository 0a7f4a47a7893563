package io.parley.chat.kafka;

/**
 * A record that can never be processed (not a valid payload). Not retried: it goes straight to the
 * topic's dead-letter topic, so it cannot block its partition. The message names ids, never content.
 */
public final class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
