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
        return entry.hasMessage()
                ? new CoveredEntry(entry.getInboxSeq(), entry.getMessage().getChatId(),
                        entry.getMessage().getSenderUserId(), entry.getMessage().getSeq())
                : notAMessage(entry.getInboxSeq());
    }

    /** A message from someone other than {@code userId}: the kind an ack turns into a delivered receipt. */
    public boolean isMessageFromOtherThan(String userId) {
        return chatId != null && !senderUserId.equals(userId);
    }
}
