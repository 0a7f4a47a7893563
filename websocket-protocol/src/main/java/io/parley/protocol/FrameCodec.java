package io.parley.protocol;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON text frames of protocol v1, in both directions. Thread-safe and stateless; one instance serves every
 * connection. Decoding is strict about what it needs (type, required fields, ranges, the body limit) and ignores
 * fields it does not know, so a newer peer may add fields without breaking an older one.
 */
public final class FrameCodec {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
            .build();

    /** Decodes a frame sent by a device; the exception carries the documented error code. */
    public ClientFrame decodeClientFrame(String text) throws FrameException {
        JsonFields fields = JsonFields.parse(JSON, text);
        String type = fields.requiredString("type", 32);
        fields.checkRef();
        String ref = fields.ref();
        return switch (type) {
            case "send" -> decodeSend(fields, ref);
            case "ack" -> new ClientFrame.Ack(ref, fields.requiredLong("cursor", 0));
            case "read" -> new ClientFrame.Read(ref, fields.requiredString("chat", Protocol.MAX_CHAT_CHARS),
                    fields.requiredLong("up_to_seq", 1));
            case "sync" -> new ClientFrame.Sync(ref, fields.requiredLong("cursor", 0));
            case "ping" -> new ClientFrame.Ping(ref);
            case "typing" -> new ClientFrame.Typing(ref, fields.requiredString("chat", Protocol.MAX_CHAT_CHARS),
                    typingState(fields));
            case "subscribe_presence" -> new ClientFrame.SubscribePresence(ref, presenceUsers(fields));
            case "unsubscribe_presence" -> new ClientFrame.UnsubscribePresence(ref, presenceUsers(fields));
            case "open_chat" -> new ClientFrame.OpenChat(ref, fields.requiredString("chat", Protocol.MAX_CHAT_CHARS));
            case "close_chat" -> new ClientFrame.CloseChat(ref, fields.requiredString("chat", Protocol.MAX_CHAT_CHARS));
            default -> throw new FrameException(ErrorCode.UNKNOWN_TYPE, ref, "unknown frame type '" + type + "'");
        };
    }

    private static TypingState typingState(JsonFields fields) throws FrameException {
        TypingState state = TypingState.fromWireName(fields.requiredString("state", 32));
        if (state == null) {
            throw fields.invalid("state", "must be composing or paused");
        }
        return state;
    }

    private static List<String> presenceUsers(JsonFields fields) throws FrameException {
        return fields.requiredStrings("users", Protocol.MAX_PRESENCE_SUBSCRIPTIONS, Protocol.MAX_USER_CHARS);
    }

    private static ClientFrame.Send decodeSend(JsonFields fields, String ref) throws FrameException {
        String clientMsgId = fields.requiredString("client_msg_id", Protocol.MAX_ID_CHARS);
        String chat = fields.requiredString("chat", Protocol.MAX_CHAT_CHARS);
        String contentType = fields.requiredString("content_type", Protocol.MAX_CONTENT_TYPE_CHARS);
        if (!Protocol.isMediaType(contentType)) {
            throw fields.invalid("content_type", "must be a media type such as text/plain (RFC 9110 tokens, no control characters)");
        }
        byte[] body = decodeBody(fields, contentType, fields.requiredText("body"));
        if (body.length > Protocol.MAX_BODY_BYTES) {
            throw new FrameException(ErrorCode.BODY_TOO_LARGE, ref,
                    "body is " + body.length + " bytes; the limit is " + Protocol.MAX_BODY_BYTES);
        }
        return new ClientFrame.Send(ref, clientMsgId, chat, contentType, body);
    }

    private static byte[] decodeBody(JsonFields fields, String contentType, String body) throws FrameException {
        if (Protocol.isTextContentType(contentType)) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw fields.invalid("body", "must be base64 for content type " + contentType);
        }
    }

    /** Encodes a frame for a device. */
    public String encode(ServerFrame frame) {
        StringWriter out = new StringWriter(frame instanceof ServerFrame.Message m ? 256 + m.body().length * 4 / 3 : 128);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", frame.type());
            if (frame instanceof ServerFrame.Message message) {
                writeMessage(json, message);
            } else if (frame instanceof ServerFrame.Receipt receipt) {
                writeReceipt(json, receipt);
            } else if (frame instanceof ServerFrame.ReceiptCounts counts) {
                writeReceiptCounts(json, counts);
            } else if (frame instanceof ServerFrame.Sent sent) {
                writeRef(json, sent.ref());
                json.writeStringProperty("client_msg_id", sent.clientMsgId());
                json.writeStringProperty("message_id", sent.messageId());
            } else if (frame instanceof ServerFrame.Error error) {
                writeRef(json, error.ref());
                json.writeStringProperty("code", error.code().wireName());
                json.writeStringProperty("message", error.message());
                json.writeBooleanProperty("retriable", error.retriable());
            } else if (frame instanceof ServerFrame.Pong pong) {
                writeRef(json, pong.ref());
            } else if (frame instanceof ServerFrame.Synced synced) {
                json.writeNumberProperty("cursor", synced.cursor());
            } else if (frame instanceof ServerFrame.Reconnect reconnect) {
                json.writeStringProperty("reason", reconnect.reason());
            } else if (frame instanceof ServerFrame.Hello hello) {
                writeHello(json, hello);
            } else if (frame instanceof ServerFrame.Typing typing) {
                json.writeStringProperty("chat", typing.chat());
                json.writeStringProperty("user", typing.user());
                json.writeStringProperty("state", typing.state().wireName());
            } else if (frame instanceof ServerFrame.Presence presence) {
                writePresence(json, presence);
            }
            json.writeEndObject();
        }
        return out.toString();
    }

    /** Encodes a frame for the server. */
    public String encode(ClientFrame frame) {
        StringWriter out = new StringWriter(frame instanceof ClientFrame.Send s ? 192 + s.body().length * 4 / 3 : 64);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", frame.type());
            writeRef(json, frame.ref());
            if (frame instanceof ClientFrame.Send send) {
                json.writeStringProperty("client_msg_id", send.clientMsgId());
                json.writeStringProperty("chat", send.chat());
                json.writeStringProperty("content_type", send.contentType());
                json.writeStringProperty("body", encodeBody(send.contentType(), send.body()));
            } else if (frame instanceof ClientFrame.Ack ack) {
                json.writeNumberProperty("cursor", ack.cursor());
            } else if (frame instanceof ClientFrame.Read read) {
                json.writeStringProperty("chat", read.chat());
                json.writeNumberProperty("up_to_seq", read.upToSeq());
            } else if (frame instanceof ClientFrame.Sync sync) {
                json.writeNumberProperty("cursor", sync.cursor());
            } else if (frame instanceof ClientFrame.Typing typing) {
                json.writeStringProperty("chat", typing.chat());
                json.writeStringProperty("state", typing.state().wireName());
            } else if (frame instanceof ClientFrame.SubscribePresence subscribe) {
                writeUsers(json, subscribe.users());
            } else if (frame instanceof ClientFrame.UnsubscribePresence unsubscribe) {
                writeUsers(json, unsubscribe.users());
            } else if (frame instanceof ClientFrame.OpenChat open) {
                json.writeStringProperty("chat", open.chat());
            } else if (frame instanceof ClientFrame.CloseChat close) {
                json.writeStringProperty("chat", close.chat());
            }
            json.writeEndObject();
        }
        return out.toString();
    }

    /**
     * Decodes a frame sent by the server. Lenient where a newer server may differ; a frame type this client does
     * not know fails with {@link ErrorCode#UNKNOWN_TYPE}, which a client should ignore.
     */
    public ServerFrame decodeServerFrame(String text) throws FrameException {
        JsonFields fields = JsonFields.parse(JSON, text);
        String type = fields.requiredString("type", 32);
        String ref = fields.ref();
        return switch (type) {
            case "hello" -> new ServerFrame.Hello((int) fields.optionalLong("v", Protocol.VERSION),
                    fields.lenientString("connection_id"), fields.lenientString("gateway"), fields.lenientString("user"),
                    fields.lenientString("device"), fields.optionalLong("idle_timeout_ms", 0),
                    (int) fields.optionalLong("max_body_bytes", Protocol.MAX_BODY_BYTES));
            case "sent" -> new ServerFrame.Sent(ref, fields.requiredString("client_msg_id", Integer.MAX_VALUE),
                    fields.requiredString("message_id", Integer.MAX_VALUE));
            case "message" -> decodeMessage(fields);
            case "receipt" -> decodeReceipt(fields);
            case "receipt_counts" -> decodeReceiptCounts(fields);
            case "synced" -> new ServerFrame.Synced(fields.requiredLong("cursor", 0));
            case "error" -> {
                ErrorCode code = ErrorCode.fromWireName(fields.lenientString("code"));
                yield new ServerFrame.Error(ref, code, fields.lenientString("message"),
                        fields.optionalBoolean("retriable"));
            }
            case "pong" -> new ServerFrame.Pong(ref);
            case "reconnect" -> new ServerFrame.Reconnect(fields.lenientString("reason"));
            case "typing" -> new ServerFrame.Typing(fields.requiredString("chat", Integer.MAX_VALUE),
                    fields.requiredString("user", Integer.MAX_VALUE), typingState(fields));
            case "presence" -> new ServerFrame.Presence(fields.requiredString("user", Integer.MAX_VALUE),
                    fields.optionalBoolean("online"), fields.optionalLongOrNull("last_seen"));
            default -> throw new FrameException(ErrorCode.UNKNOWN_TYPE, ref, "unknown frame type '" + type + "'");
        };
    }

    private static ServerFrame.Message decodeMessage(JsonFields fields) throws FrameException {
        String contentType = fields.requiredString("content_type", Integer.MAX_VALUE);
        return new ServerFrame.Message(fields.requiredLong("inbox_seq", 1),
                fields.requiredString("message_id", Integer.MAX_VALUE),
                fields.requiredString("chat", Integer.MAX_VALUE), fields.requiredLong("seq", 1),
                fields.lenientString("from"), fields.lenientString("from_device"),
                fields.lenientString("client_msg_id"), contentType,
                decodeBody(fields, contentType, fields.requiredText("body")), fields.optionalLong("sent_at", 0));
    }

    private static ServerFrame.Receipt decodeReceipt(JsonFields fields) throws FrameException {
        ReceiptKind kind = ReceiptKind.fromWireName(fields.requiredString("kind", 32));
        if (kind == null) {
            throw fields.invalid("kind", "must be delivered or read");
        }
        return new ServerFrame.Receipt(fields.requiredLong("inbox_seq", 1),
                fields.requiredString("chat", Integer.MAX_VALUE), fields.requiredString("user", Integer.MAX_VALUE),
                kind, fields.requiredLong("up_to_seq", 0), fields.optionalLong("at", 0));
    }

    private static ServerFrame.ReceiptCounts decodeReceiptCounts(JsonFields fields) throws FrameException {
        List<ServerFrame.MessageCounts> messages = fields.lenientObjects("messages").stream()
                .filter(counts -> counts.get("seq") instanceof Long)
                .map(counts -> new ServerFrame.MessageCounts((Long) counts.get("seq"),
                        counts.get("message_id") instanceof String id ? id : null, count(counts, "delivered"),
                        count(counts, "read"), count(counts, "members")))
                .toList();
        return new ServerFrame.ReceiptCounts(fields.requiredLong("inbox_seq", 1),
                fields.requiredString("chat", Integer.MAX_VALUE), messages, fields.optionalLong("at", 0));
    }

    private static int count(java.util.Map<String, Object> counts, String name) {
        return counts.get(name) instanceof Long number ? (int) Math.max(0, Math.min(Integer.MAX_VALUE, number)) : 0;
    }

    private static void writeReceiptCounts(JsonGenerator json, ServerFrame.ReceiptCounts counts) {
        json.writeNumberProperty("inbox_seq", counts.inboxSeq());
        json.writeStringProperty("chat", counts.chat());
        json.writeName("messages");
        json.writeStartArray();
        for (ServerFrame.MessageCounts message : counts.messages()) {
            json.writeStartObject();
            json.writeNumberProperty("seq", message.seq());
            json.writeStringProperty("message_id", message.messageId());
            json.writeNumberProperty("delivered", message.delivered());
            json.writeNumberProperty("read", message.read());
            json.writeNumberProperty("members", message.members());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberProperty("at", counts.at());
    }

    private static void writePresence(JsonGenerator json, ServerFrame.Presence presence) {
        json.writeStringProperty("user", presence.user());
        json.writeBooleanProperty("online", presence.online());
        if (presence.lastSeen() != null) {
            json.writeNumberProperty("last_seen", presence.lastSeen());
        }
    }

    private static void writeUsers(JsonGenerator json, List<String> users) {
        json.writeName("users");
        json.writeStartArray();
        for (String user : users) {
            json.writeString(user);
        }
        json.writeEndArray();
    }

    private static void writeHello(JsonGenerator json, ServerFrame.Hello hello) {
        json.writeNumberProperty("v", hello.version());
        json.writeStringProperty("connection_id", hello.connectionId());
        json.writeStringProperty("gateway", hello.gateway());
        json.writeStringProperty("user", hello.user());
        json.writeStringProperty("device", hello.device());
        json.writeNumberProperty("idle_timeout_ms", hello.idleTimeoutMillis());
        json.writeNumberProperty("max_body_bytes", hello.maxBodyBytes());
    }

    private static void writeMessage(JsonGenerator json, ServerFrame.Message message) {
        json.writeNumberProperty("inbox_seq", message.inboxSeq());
        json.writeStringProperty("message_id", message.messageId());
        json.writeStringProperty("chat", message.chat());
        json.writeNumberProperty("seq", message.seq());
        json.writeStringProperty("from", message.from());
        json.writeStringProperty("from_device", message.fromDevice());
        json.writeStringProperty("client_msg_id", message.clientMsgId());
        json.writeStringProperty("content_type", message.contentType());
        json.writeStringProperty("body", encodeBody(message.contentType(), message.body()));
        json.writeNumberProperty("sent_at", message.sentAt());
    }

    private static void writeReceipt(JsonGenerator json, ServerFrame.Receipt receipt) {
        json.writeNumberProperty("inbox_seq", receipt.inboxSeq());
        json.writeStringProperty("chat", receipt.chat());
        json.writeStringProperty("user", receipt.user());
        json.writeStringProperty("kind", receipt.kind().wireName());
        json.writeNumberProperty("up_to_seq", receipt.upToSeq());
        json.writeNumberProperty("at", receipt.at());
    }

    private static String encodeBody(String contentType, byte[] body) {
        return Protocol.isTextContentType(contentType)
                ? new String(body, StandardCharsets.UTF_8)
                : Base64.getEncoder().encodeToString(body);
    }

    private static void writeRef(JsonGenerator json, String ref) {
        if (ref != null) {
            json.writeStringProperty("ref", ref);
        }
    }
}
