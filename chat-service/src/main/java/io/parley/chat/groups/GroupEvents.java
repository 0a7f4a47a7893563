package io.parley.chat.groups;

import com.google.protobuf.ByteString;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.MessageSubmitted;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The system message of an applied membership command: a message of the group chat like any other, with its own
 * seq, sent by the actor, content type {@value #CONTENT_TYPE}, body
 * {@code {"change":"added","actor":"<id>","users":["<id>"],"roles":{"<id>":"admin"},"details":{...}}} (docs/protocol.md).
 * Built from the record and the changes alone, so a replay writes the same bytes.
 */
public final class GroupEvents {

    public static final String CONTENT_TYPE = "application/vnd.parley.group-event+json";

    private GroupEvents() {
    }

    public static ChatMessage systemMessage(MessageSubmitted command, long seq, List<RoleChange> changes) {
        String users = command.getMembership().getTargetUserIdsList().stream()
                .map(user -> '"' + user + '"').collect(Collectors.joining(",", "[", "]"));
        String roles = changes.stream()
                .map(change -> '"' + change.userId() + "\":\"" + change.role().stored() + '"')
                .collect(Collectors.joining(",", "{", "}"));
        String details = command.getMembership().getDetails().isEmpty() ? "{}"
                : command.getMembership().getDetails().toStringUtf8();
        String body = "{\"change\":\"" + command.getMembership().getChange().name().toLowerCase(Locale.ROOT)
                + "\",\"actor\":\"" + command.getSenderUserId() + "\",\"users\":" + users + ",\"roles\":" + roles
                + ",\"details\":" + details + "}";
        return ChatMessage.newBuilder()
                .setMessageId(command.getMessageId())
                .setChatId(command.getChatId())
                .setSeq(seq)
                .setSenderUserId(command.getSenderUserId())
                .setSenderDeviceId(command.getSenderDeviceId())
                .setClientMsgId(command.getClientMsgId())
                .setContentType(CONTENT_TYPE)
                .setBody(ByteString.copyFrom(body, StandardCharsets.UTF_8))
                .setSentAtEpochMillis(command.getSubmittedAtEpochMillis())
                .build();
    }
}
