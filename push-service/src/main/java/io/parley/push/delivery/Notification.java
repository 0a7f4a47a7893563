package io.parley.push.delivery;

import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.PushRequest;
import java.time.Duration;
import java.time.Instant;

/**
 * What one push says, the same on every platform: a new message in a chat, from a sender, with no body (bodies may
 * be end-to-end encrypted, and a lock screen is not the place for them); the app fetches the message when woken.
 *
 * @param messages    how many new messages of the chat this notification stands for: the messages of the burst
 *                    ({@link ChatBurst}), or the user's unread messages of the chat if chat-service counted more
 * @param collapseKey one per chat ({@link CollapseKey}): a newer notification of the chat replaces the older one
 * @param expiresAt   after this the platform stops trying to reach the device; a late "new message" is noise
 * @param chatName    a group's name (not end-to-end encrypted: group-service stores it), empty for one-to-one chats
 * @param preview     the start of the message's plain text, only for a user who allowed previews; empty otherwise
 */
public record Notification(String userId, String chatId, String messageId, long seq, String senderUserId,
        int messages, Instant requestedAt, Instant expiresAt, String collapseKey, String chatName, String preview) {

    static Notification of(PushRequest request, int messages, Duration timeToLive, String preview) {
        ChatMessage message = request.getEntry().getMessage();
        Instant requested = Instant.ofEpochMilli(request.getRequestedAtEpochMillis());
        // The burst counts this batch's messages; the unread count covers earlier batches too, whose notification this
        // one replaces on the device (same collapse key).
        int waiting = (int) Math.min(Integer.MAX_VALUE, Math.max(messages, request.getUnreadInChat()));
        return new Notification(request.getUserId(), message.getChatId(), message.getMessageId(), message.getSeq(),
                message.getSenderUserId(), waiting, requested, requested.plus(timeToLive), CollapseKey.of(message.getChatId()),
                request.getChatName(), preview);
    }
}
