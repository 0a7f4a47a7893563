package io.parley.chat.messages;

/** A stored message without its body: where it is, who sent it, and what kind it is. */
public record MessageHead(long seq, String messageId, String senderUserId, String contentType) {
}
