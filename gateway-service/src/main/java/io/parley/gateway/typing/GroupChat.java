package io.parley.gateway.typing;

import java.util.regex.Pattern;

/** A group chat id as docs/protocol.md defines it, {@code g:<lower-case group uuid>}; its members are chat-service's. */
final class GroupChat {

    private static final Pattern GROUP = Pattern.compile("g:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private GroupChat() {
    }

    /** Whether {@code chat} names a group chat (well-formed or not): it starts with {@code g:}. */
    static boolean isGroup(String chat) {
        return chat.startsWith("g:");
    }

    /** Throws {@link IllegalArgumentException} if {@code chat} is not a well-formed group chat id. */
    static String requireWellFormed(String chat) {
        if (!GROUP.matcher(chat).matches()) {
            throw new IllegalArgumentException("a group chat id is g:<lower-case group uuid>");
        }
        return chat;
    }
}
