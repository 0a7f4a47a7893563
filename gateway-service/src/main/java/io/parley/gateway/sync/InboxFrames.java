package io.parley.gateway.sync;

import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.GroupReceipt;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.Receipt;
import io.parley.protocol.ReceiptKind;
import io.parley.protocol.ServerFrame;

/** Inbox entries as the frames a device receives. */
final class InboxFrames {

    private InboxFrames() {
    }

    /** The frame for an entry, or null for an entry kind this gateway does not know (it is skipped). */
    static ServerFrame toFrame(InboxEntry entry) {
        return switch (entry.getItemCase()) {
            case MESSAGE -> message(entry.getInboxSeq(), entry.getMessage());
            case RECEIPT -> receipt(entry.getInboxSeq(), entry.getReceipt());
            case GROUP_RECEIPT -> receiptCounts(entry.getInboxSeq(), entry.getGroupReceipt());
            // chat-service resolves a group message's reference to the message before any gateway sees it
            case MESSAGE_REF, ITEM_NOT_SET -> null;
        };
    }

    private static ServerFrame.Message message(long inboxSeq, ChatMessage message) {
        return new ServerFrame.Message(inboxSeq, message.getMessageId(), message.getChatId(), message.getSeq(),
                message.getSenderUserId(), message.getSenderDeviceId(), message.getClientMsgId(),
                message.getContentType(), message.getBody().toByteArray(), message.getSentAtEpochMillis());
    }

    private static ServerFrame.ReceiptCounts receiptCounts(long inboxSeq, GroupReceipt receipt) {
        return new ServerFrame.ReceiptCounts(inboxSeq, receipt.getChatId(), receipt.getMessagesList().stream()
                .map(counts -> new ServerFrame.MessageCounts(counts.getSeq(), counts.getMessageId(), counts.getDelivered(),
                        counts.getRead(), counts.getMembers()))
                .toList(), receipt.getAtEpochMillis());
    }

    private static ServerFrame.Receipt receipt(long inboxSeq, Receipt receipt) {
        ReceiptKind kind = receipt.getKind() == io.parley.proto.chat.v1.ReceiptKind.RECEIPT_KIND_READ
                ? ReceiptKind.READ : ReceiptKind.DELIVERED;
        return new ServerFrame.Receipt(inboxSeq, receipt.getChatId(), receipt.getUserId(), kind, receipt.getUpToSeq(),
                receipt.getAtEpochMillis());
    }
}
