package io.parley.chat.history;

/** A history request whose paging parameters are out of range. */
final class InvalidPageException extends IllegalArgumentException {

    InvalidPageException(String message) {
        super(message);
    }
}
