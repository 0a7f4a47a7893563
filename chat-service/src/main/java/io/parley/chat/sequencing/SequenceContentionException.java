package io.parley.chat.sequencing;

import io.parley.failures.TransientFailure;

/** The compare-and-set kept losing to another writer; the record is retried by the error handler. */
public final class SequenceContentionException extends RuntimeException implements TransientFailure {

    public SequenceContentionException(String message) {
        super(message);
    }
}
