package io.parley.chat.chats;

import java.util.regex.Pattern;

/** Group chat ids: {@code g:<group id>}, the group id a lower-case UUID (group-service's), one spelling per group. */
public final class GroupChatIds {

    private static final Pattern GROUP_CHAT = Pattern.compile("g:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private GroupChatIds() {
    }

    public static boolean isGroupChat(String chatId) {
        return chatId != null && GROUP_CHAT.matcher(chatId).matches();
    }
}
