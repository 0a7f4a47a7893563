package io.parley.chat.chats;

/** A chat id that is not well formed; the message says why and never echoes the id back. */
public final class BadChatIdException extends IllegalArgumentException {

    public BadChatIdException(String message) {
        super(message);
    }
}
