package io.parley.chat.inbox;

import io.parley.proto.chat.v1.InboxEntry;

/**
 * An inbox row as an ack sees it: its inbox_seq and, for a message, the message's chat, sender and chat seq
 * ({@code chatId} null for a receipt).
 */
public record CoveredEntry(long inboxSeq, String chatId, String senderUserId, long chatSeq) {

    static CoveredEntry notAMessage(long inboxSeq) {
        return new CoveredEntry(inboxSeq, null, null, 0);
    }

    static CoveredEntry of(InboxEntry entry) {
        return entry.hasMessage() || entry.hasMessageRef()
                ? new CoveredEntry(entry.getInboxSeq(), chatOf(entry), senderOf(entry), seqOf(entry))
                : notAMessage(entry.getInboxSeq());
    }

    /** The chat of a message entry, copied or by reference. */
    static String chatOf(InboxEntry entry) {
        return entry.hasMessageRef() ? entry.getMessageRef().getChatId() : entry.getMessage().getChatId();
    }

    static String senderOf(InboxEntry entry) {
        return entry.hasMessageRef() ? entry.getMessageRef().getSenderUserId() : entry.getMessage().getSenderUserId();
    }

    static long seqOf(InboxEntry entry) {
        return entry.hasMessageRef() ? entry.getMessageRef().getSeq() : entry.getMessage().getSeq();
    }

    /** A message from someone other than {@code userId}: the kind an ack turns into a delivered receipt. */
    public boolean isMessageFromOtherThan(String userId) {
        return chatId != null && !senderUserId.equals(userId);
    }
}
