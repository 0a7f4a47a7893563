package io.parley.chat.fanout;

import io.parley.proto.chat.v1.ChatMessage;
import java.util.Locale;

/**
 * The start of a message's text that a push may show as a preview (push-service shows it only to a user who allowed
 * previews): only for {@code text/plain} bodies, which are not end-to-end encrypted (an encrypted body has a content
 * type of its own), at most {@link #MAX_CHARACTERS} characters, cut between code points. Empty for anything else.
 */
final class PushPreview {

    static final int MAX_CHARACTERS = 200;

    private PushPreview() {
    }

    static String of(ChatMessage message) {
        String type = message.getContentType();
        int parameters = type.indexOf(';');
        String base = (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        if (!base.equals("text/plain")) {
            return "";
        }
        String text = message.getBody().toStringUtf8();
        return text.codePointCount(0, text.length()) <= MAX_CHARACTERS ? text
                : text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS));
    }
}
