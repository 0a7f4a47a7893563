package io.parley.chat.send;

import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.protocol.Protocol;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a Send request against the contract before anything is looked up or stored. */
public final class SendRequestValidator {

    // The limits are the device protocol's: the gateway enforces them first, this service again for any caller.
    private static final int MAX_BODY_BYTES = Protocol.MAX_BODY_BYTES;
    private static final int MAX_CLIENT_MSG_ID_LENGTH = Protocol.MAX_ID_CHARS;
    private static final int MAX_CONTENT_TYPE_LENGTH = Protocol.MAX_CONTENT_TYPE_CHARS;
    private static final Pattern CLIENT_MSG_ID = Pattern.compile("[\\x21-\\x7E]{1," + MAX_CLIENT_MSG_ID_LENGTH + "}");

    private SendRequestValidator() {
    }

    /** The request's chat, if the request is well formed; a {@link ChatException} saying what is wrong otherwise. */
    public static ChatId validate(SendRequest request) {
        ChatException.require("user_id", request.getUserId());
        ChatException.require("device_id", request.getDeviceId());
        ChatException.require("client_msg_id", request.getClientMsgId());
        if (!CLIENT_MSG_ID.matcher(request.getClientMsgId()).matches()) {
            throw new ChatException(ErrorReason.BAD_CLIENT_MSG_ID,
                    "client_msg_id must be 1.." + MAX_CLIENT_MSG_ID_LENGTH + " printable ASCII characters without spaces");
        }
        ChatException.require("chat_id", request.getChatId());
        ChatId chat = ChatId.parse(request.getChatId());
        ChatException.require("content_type", request.getContentType());
        if (!Protocol.isMediaType(request.getContentType())) {
            throw new ChatException(ErrorReason.BAD_CONTENT_TYPE, "content_type must be a media type (RFC 9110) of at most "
                    + MAX_CONTENT_TYPE_LENGTH + " characters");
        }
        if (request.getBody().isEmpty()) {
            throw ChatException.missingField("body");
        }
        if (request.getBody().size() > MAX_BODY_BYTES) {
            throw new ChatException(ErrorReason.BODY_TOO_LARGE, "body must be at most " + MAX_BODY_BYTES + " bytes",
                    Map.of("max_bytes", Integer.toString(MAX_BODY_BYTES)), null);
        }
        return chat;
    }
}
