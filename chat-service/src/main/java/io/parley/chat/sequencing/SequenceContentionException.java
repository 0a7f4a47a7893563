package io.parley.chat.sequencing;

/** The compare-and-set kept losing to another writer; the record is retried by the error handler. */
public final class SequenceContentionException extends RuntimeException {

    public SequenceContentionException(String message) {
        super(message);
    }
}
