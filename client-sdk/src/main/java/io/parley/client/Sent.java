package io.parley.client;

/** A send the server made durable: its {@code client_msg_id} and the server's message id. */
public record Sent(String clientMsgId, String messageId) {
}
