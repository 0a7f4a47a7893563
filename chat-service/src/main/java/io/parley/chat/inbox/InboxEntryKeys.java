package io.parley.chat.inbox;

import io.parley.proto.chat.v1.GroupReceipt;
import io.parley.proto.chat.v1.InboxEntry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import io.parley.proto.chat.v1.Receipt;

/**
 * The identity of an inbox entry within a user's inbox, so a re-produced entry is recognised:
 * {@code m:<messageId>} for a message (copied or by reference: one message is one entry), {@code r:<chatId>:<userId>:<kind>:<upToSeq>} for a receipt
 * (a receipt watermark is a fact; the same fact twice is one entry).
 */
final class InboxEntryKeys {

    private InboxEntryKeys() {
    }

    private static final String MESSAGE = "m:";

    static boolean isMessage(String entryKey) {
        return entryKey != null && entryKey.startsWith(MESSAGE);
    }

    static String of(InboxEntry entry) {
        return switch (entry.getItemCase()) {
            case MESSAGE -> MESSAGE + entry.getMessage().getMessageId();
            case MESSAGE_REF -> MESSAGE + entry.getMessageRef().getMessageId();
            case RECEIPT -> receipt(entry.getReceipt());
            case GROUP_RECEIPT -> groupReceipt(entry.getGroupReceipt());
            case ITEM_NOT_SET -> throw new IllegalArgumentException("inbox entry without an item");
        };
    }

    /** The same counts twice are one fact: the key is the chat and a digest of the counts (not of the time). */
    private static String groupReceipt(GroupReceipt receipt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(receipt.toBuilder().clearAtEpochMillis().build().toByteArray());
            return "c:" + receipt.getChatId() + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String receipt(Receipt receipt) {
        return "r:" + receipt.getChatId() + ":" + receipt.getUserId() + ":" + receipt.getKind().getNumber() + ":"
                + receipt.getUpToSeq();
    }
}
