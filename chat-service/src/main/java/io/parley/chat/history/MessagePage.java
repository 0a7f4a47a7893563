package io.parley.chat.history;

import java.util.List;

/**
 * One page of a chat's messages, newest first. {@code hasMore}: further messages exist in the direction the
 * page was taken (older ones for {@code before} or no cursor, newer ones for {@code after}).
 */
record MessagePage(List<MessageView> messages, boolean hasMore) {
}
