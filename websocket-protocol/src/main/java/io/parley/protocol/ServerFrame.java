package io.parley.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A frame the gateway sends to a device. */
public sealed interface ServerFrame {

    /** The wire {@code type}. */
    String type();

    /** The first frame of every connection: who the server thinks the device is, and its limits. */
    record Hello(int version, String connectionId, String gateway, String user, String device,
            long idleTimeoutMillis, int maxBodyBytes) implements ServerFrame {
        @Override
        public String type() {
            return "hello";
        }
    }

    /** The message the device sent under {@code clientMsgId} is durable and has id {@code messageId}. */
    record Sent(String ref, String clientMsgId, String messageId) implements ServerFrame {
        @Override
        public String type() {
            return "sent";
        }
    }

    /** A message of a chat the user is in, as inbox entry {@code inboxSeq} of the user. */
    record Message(long inboxSeq, String messageId, String chat, long seq, String from, String fromDevice,
            String clientMsgId, String contentType, byte[] body, long sentAt) implements ServerFrame {

        public Message {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String type() {
            return "message";
        }

        /** The body as text; meaningful for text content types ({@link Protocol#isTextContentType}). */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Message m && inboxSeq == m.inboxSeq && messageId.equals(m.messageId)
                    && chat.equals(m.chat) && seq == m.seq && Objects.equals(from, m.from)
                    && Objects.equals(fromDevice, m.fromDevice) && Objects.equals(clientMsgId, m.clientMsgId)
                    && Objects.equals(contentType, m.contentType) && Arrays.equals(body, m.body) && sentAt == m.sentAt;
        }

        @Override
        public int hashCode() {
            return Objects.hash(inboxSeq, messageId, chat, seq);
        }

        /** Never prints the body. */
        @Override
        public String toString() {
            return "Message[inboxSeq=" + inboxSeq + ", messageId=" + messageId + ", chat=" + chat + ", seq=" + seq
                    + ", from=" + from + ", fromDevice=" + fromDevice + ", bodyBytes=" + body.length + "]";
        }
    }

    /** {@code user} received ({@code delivered}) or read {@code chat} up to {@code upToSeq}. */
    record Receipt(long inboxSeq, String chat, String user, ReceiptKind kind, long upToSeq, long at)
            implements ServerFrame {
        @Override
        public String type() {
            return "receipt";
        }
    }

    /**
     * Group chats: how many members received and read some of the inbox owner's own messages in {@code chat}
     * ("delivered to N of M", "read by N of M"), coalesced: one frame for the messages whose counts changed.
     */
    record ReceiptCounts(long inboxSeq, String chat, java.util.List<MessageCounts> messages, long at) implements ServerFrame {

        public ReceiptCounts {
            messages = java.util.List.copyOf(messages);
        }

        @Override
        public String type() {
            return "receipt_counts";
        }
    }

    /**
     * One message's counts: of the {@code members} who were members at its seq (its sender excluded), {@code delivered}
     * have a device that received it and {@code read} read it (members who turned read receipts off are never counted
     * as readers).
     */
    record MessageCounts(long seq, String messageId, int delivered, int read, int members) {
    }

    /** The backlog after the {@code sync} cursor is drained up to {@code cursor}; live frames follow. */
    record Synced(long cursor) implements ServerFrame {
        @Override
        public String type() {
            return "synced";
        }
    }

    /** The frame with {@code ref} (null if it had none or it could not be read) was rejected. */
    record Error(String ref, ErrorCode code, String message, boolean retriable) implements ServerFrame {
        @Override
        public String type() {
            return "error";
        }
    }

    record Pong(String ref) implements ServerFrame {
        @Override
        public String type() {
            return "pong";
        }
    }

    /** The server is going away (draining); the client should connect elsewhere, then {@code sync}. */
    record Reconnect(String reason) implements ServerFrame {
        @Override
        public String type() {
            return "reconnect";
        }
    }

    /** {@code user} is typing in {@code chat}, or stopped; a receiver drops {@code composing} after 6 s unless repeated. */
    record Typing(String chat, String user, TypingState state) implements ServerFrame {
        @Override
        public String type() {
            return "typing";
        }
    }

    /**
     * {@code user} is online (at least one device connected) or not; {@code lastSeen} is when they were last online,
     * in epoch millis, or null when unknown or hidden.
     */
    record Presence(String user, boolean online, Long lastSeen) implements ServerFrame {
        @Override
        public String type() {
            return "presence";
        }
    }
}
