package io.parley.chat.history;

import java.util.List;

/** The caller's chats, most recent activity first. */
record ChatList(List<ChatSummary> chats) {
}
