package io.parley.push.tokens;

/** A registration whose {@code field} is missing or malformed for its platform. */
class InvalidTokenException extends RuntimeException {

    private final String field;

    InvalidTokenException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }
}
