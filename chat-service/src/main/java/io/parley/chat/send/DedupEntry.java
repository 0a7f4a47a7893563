package io.parley.chat.send;

/**
 * What Redis remembers of a (sender, client_msg_id): the message id it was given, the chat it was sent to,
 * when it was accepted, a hash of its content (a retry must be the same message), and whether Kafka
 * acknowledged it ({@link State#DONE}) or it may still be in flight
 * or lost ({@link State#PENDING}). A retry that finds PENDING produces the SAME message again, so it can
 * never answer OK for a message Kafka does not have, nor create a second message id.
 */
public record DedupEntry(State state, long messageId, String chatId, long acceptedAtEpochMillis, long contentHash) {

    public enum State { PENDING, DONE }

    private static final char SEPARATOR = '|';

    String encode() {
        return (state == State.DONE ? "d" : "p") + SEPARATOR + messageId + SEPARATOR + acceptedAtEpochMillis
                + SEPARATOR + contentHash + SEPARATOR + chatId;
    }

    /** Decodes a stored value; throws {@link IllegalArgumentException} if it is not one. */
    static DedupEntry decode(String value) {
        String[] parts = value.split("\\|", 5);
        if (parts.length != 5 || !(parts[0].equals("d") || parts[0].equals("p"))) {
            throw new IllegalArgumentException("not a dedup entry");
        }
        return new DedupEntry(parts[0].equals("d") ? State.DONE : State.PENDING, Long.parseLong(parts[1]), parts[4],
                Long.parseLong(parts[2]), Long.parseLong(parts[3]));
    }

    DedupEntry done() {
        return new DedupEntry(State.DONE, messageId, chatId, acceptedAtEpochMillis, contentHash);
    }

    /** Whether a send with this chat and content hash is a retry of this entry's message. */
    boolean isRetryOf(String otherChatId, long otherContentHash) {
        return chatId.equals(otherChatId) && contentHash == otherContentHash;
    }
}
