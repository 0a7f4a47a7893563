package io.parley.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/** Constants of protocol v1 (docs/protocol.md). */
public final class Protocol {

    /** The WebSocket path of the device connection. */
    public static final String PATH = "/v1/ws";
    /** The subprotocol a client offers to speak v1; a client that offers none also gets v1. */
    public static final String SUBPROTOCOL_V1 = "parley.v1";
    public static final int VERSION = 1;

    /** The largest body of a message, in bytes after decoding (UTF-8 text or base64). */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** The largest {@code client_msg_id}, {@code ref}, in characters. */
    public static final int MAX_ID_CHARS = 64;
    /** The largest chat id, in characters. */
    public static final int MAX_CHAT_CHARS = 200;
    /** The largest content type, in characters. */
    public static final int MAX_CONTENT_TYPE_CHARS = 100;
    /** The largest user id, in characters (user ids are UUIDs; the margin is for a future format). */
    public static final int MAX_USER_CHARS = 64;
    /** Users one connection may watch with {@code subscribe_presence}, and the most one frame may name. */
    public static final int MAX_PRESENCE_SUBSCRIPTIONS = 256;
    /** Chats one connection may have open with {@code open_chat} at a time. */
    public static final int MAX_OPEN_CHATS = 256;
    /** Messages one {@code receipt_counts} frame reports at most (the sender's newest in the changed range). */
    public static final int MAX_RECEIPT_COUNTS = 256;
    /** A receiver shows {@code composing} this long after the latest one, unless {@code paused} comes first. */
    public static final long TYPING_EXPIRY_MILLIS = 6_000;
    /** A sender repeats {@code composing} this often while the user keeps typing. */
    public static final long TYPING_REFRESH_MILLIS = 3_000;

    /**
     * A media type as RFC 9110 §8.3.1 writes it: {@code type/subtype} tokens, then {@code ;name=value} parameters
     * whose values are tokens or quoted strings of visible ASCII. No control characters, no non-ASCII, nothing
     * else: a content type is echoed to other devices and into push payloads and logs.
     */
    private static final Pattern MEDIA_TYPE;

    static {
        String token = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
        String quoted = "\"(?:[ !#-\\[\\]-~]|\\\\[ -~])*\"";
        MEDIA_TYPE = Pattern.compile(token + "/" + token + "(?:[ \t]*;[ \t]*" + token + "=(?:" + token + "|" + quoted + "))*");
    }

    /** Close codes the server uses besides the standard ones (1000, 1009, 1011, 1012, 1013). */
    public static final int CLOSE_POLICY_VIOLATION = 1008;
    public static final int CLOSE_TOO_BIG = 1009;
    public static final int CLOSE_SERVICE_RESTART = 1012;
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /** A newer connection of the same device took over. The client must not reconnect on its own. */
    public static final int CLOSE_REPLACED = 4000;
    /** No frame arrived within the idle timeout. */
    public static final int CLOSE_IDLE = 4001;
    /** The device was revoked (or logged out). The client must not reconnect with the same credentials. */
    public static final int CLOSE_DEVICE_REVOKED = 4003;

    private Protocol() {
    }

    /**
     * Whether a body of this content type travels as text in the {@code body} string. Every other content type
     * travels base64-encoded (RFC 4648, with padding): {@code text/*}, {@code application/json} and any
     * {@code +json} type are text.
     */
    public static boolean isTextContentType(String contentType) {
        String type = baseType(contentType);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json");
    }

    /** Whether {@code contentType} is a well-formed media type of at most {@link #MAX_CONTENT_TYPE_CHARS}. */
    public static boolean isMediaType(String contentType) {
        return contentType.length() <= MAX_CONTENT_TYPE_CHARS && MEDIA_TYPE.matcher(contentType).matches();
    }

    private static String baseType(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
        return type.trim().toLowerCase(Locale.ROOT);
    }
}
