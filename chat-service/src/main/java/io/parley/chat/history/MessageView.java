package io.parley.chat.history;

import io.parley.protocol.Protocol;
import io.parley.proto.chat.v1.ChatMessage;
import java.util.Base64;

/**
 * A message in a history page, in the WebSocket protocol's shape (snake_case on the wire): the body is text for
 * text content types and base64 otherwise, exactly as in a {@code message} frame.
 */
record MessageView(String messageId, String chat, long seq, String from, String fromDevice, String clientMsgId,
        String contentType, String body, long sentAt) {

    static MessageView of(ChatMessage message) {
        return new MessageView(message.getMessageId(), message.getChatId(), message.getSeq(), message.getSenderUserId(),
                message.getSenderDeviceId(), message.getClientMsgId(), message.getContentType(),
                body(message.getContentType(), message.getBody().toByteArray()), message.getSentAtEpochMillis());
    }

    static String body(String contentType, byte[] body) {
        return Protocol.isTextContentType(contentType)
                ? new String(body, java.nio.charset.StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(body);
    }
}
