package io.parley.push.tokens;

/** The calling device has no push token registered. */
class NoTokenException extends RuntimeException {

    NoTokenException() {
        super("This device has no push token", null, false, false);
    }
}
