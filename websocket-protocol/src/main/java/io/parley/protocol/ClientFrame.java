package io.parley.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A frame a device sends. Every frame may carry a {@code ref} the server echoes in its answer. */
public sealed interface ClientFrame {

    /** The client's correlation id for the answer, or null. */
    String ref();

    /** The wire {@code type}. */
    String type();

    /**
     * Submits a message. Answered by {@code sent} once it is durable, or by {@code error}. A resend under the same
     * {@code clientMsgId} yields the same message id and never a second message.
     */
    record Send(String ref, String clientMsgId, String chat, String contentType, byte[] body) implements ClientFrame {

        public Send {
            Objects.requireNonNull(clientMsgId, "clientMsgId");
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }

        @Override
        public String type() {
            return "send";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Send send && Objects.equals(ref, send.ref) && clientMsgId.equals(send.clientMsgId)
                    && chat.equals(send.chat) && contentType.equals(send.contentType) && Arrays.equals(body, send.body);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ref, clientMsgId, chat, contentType, Arrays.hashCode(body));
        }

        /** Never prints the body: it may be private (or E2EE ciphertext) and does not belong in logs. */
        @Override
        public String toString() {
            return "Send[ref=" + ref + ", clientMsgId=" + clientMsgId + ", chat=" + chat + ", contentType="
                    + contentType + ", bodyBytes=" + body.length + "]";
        }
    }

    /** The device has received every inbox entry up to and including {@code cursor}. Not answered. */
    record Ack(String ref, long cursor) implements ClientFrame {
        @Override
        public String type() {
            return "ack";
        }
    }

    /** The user has read {@code chat} up to {@code upToSeq}. Answered only by {@code error}, if it fails. */
    record Read(String ref, String chat, long upToSeq) implements ClientFrame {
        public Read {
            Objects.requireNonNull(chat, "chat");
        }

        @Override
        public String type() {
            return "read";
        }
    }

    /**
     * Asks for every inbox entry after {@code cursor}, in order, then {@code synced}, then the live stream. Until
     * a connection sent its first {@code sync}, the server sends it no message or receipt.
     */
    record Sync(String ref, long cursor) implements ClientFrame {
        @Override
        public String type() {
            return "sync";
        }
    }

    /** Heartbeat, answered by {@code pong}. */
    record Ping(String ref) implements ClientFrame {
        @Override
        public String type() {
            return "ping";
        }
    }

    /**
     * The user is typing in {@code chat} ({@code composing}, repeated every 3 s while it lasts) or stopped
     * ({@code paused}). Relayed to the other members' devices that have the chat open; never stored. Answered only
     * by {@code error}.
     */
    record Typing(String ref, String chat, TypingState state) implements ClientFrame {
        public Typing {
            Objects.requireNonNull(chat, "chat");
            Objects.requireNonNull(state, "state");
        }

        @Override
        public String type() {
            return "typing";
        }
    }

    /**
     * Watches the presence of {@code users} (the device has their chats open): each one's current state at once,
     * then every change, until {@code unsubscribe_presence} or the end of the connection. Also opens the 1:1 chat
     * with each of them for {@code typing}.
     */
    record SubscribePresence(String ref, List<String> users) implements ClientFrame {
        public SubscribePresence {
            users = List.copyOf(users);
        }

        @Override
        public String type() {
            return "subscribe_presence";
        }
    }

    /** Stops watching {@code users}. Answered only by {@code error}. */
    record UnsubscribePresence(String ref, List<String> users) implements ClientFrame {
        public UnsubscribePresence {
            users = List.copyOf(users);
        }

        @Override
        public String type() {
            return "unsubscribe_presence";
        }
    }

    /**
     * The device shows {@code chat} (a group or 1:1 chat): it receives the other members' {@code typing} there until
     * {@code close_chat} or the end of the connection. Only a member may open a chat. Answered only by {@code error}.
     */
    record OpenChat(String ref, String chat) implements ClientFrame {
        public OpenChat {
            Objects.requireNonNull(chat, "chat");
        }

        @Override
        public String type() {
            return "open_chat";
        }
    }

    /** The device no longer shows {@code chat}. Answered only by {@code error}. */
    record CloseChat(String ref, String chat) implements ClientFrame {
        public CloseChat {
            Objects.requireNonNull(chat, "chat");
        }

        @Override
        public String type() {
            return "close_chat";
        }
    }
}
