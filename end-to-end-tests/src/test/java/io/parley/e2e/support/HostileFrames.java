package io.parley.e2e.support;

import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generates malformed and hostile client frames, each with the error code docs/protocol.md promises for it.
 *
 * <p>Every frame that could decode is built around a {@code send} into a chat the attacker is not a member of, so a
 * mutation that happens to leave a well-formed frame is refused by authorization ({@code not_a_member}) and still
 * writes nothing. Each case breaks exactly one rule, in the order the gateway checks them (JSON, {@code type},
 * {@code ref}, then the frame's own fields), so its expected code is exact.
 */
public final class HostileFrames {

    /** One frame and the error it must get. {@code binary} frames carry {@code bytes}; others {@code text}. */
    public record Case(String category, String text, byte[] bytes, ErrorCode expected) {

        static Case text(String category, String text, ErrorCode expected) {
            return new Case(category, text, null, expected);
        }

        public boolean binary() {
            return bytes != null;
        }

        /** For assertion messages: the frame, shortened. */
        public String describe() {
            String shown = binary() ? "<" + bytes.length + " binary bytes>" : text;
            return category + ": " + (shown.length() > 160 ? shown.substring(0, 160) + "… (" + shown.length() + " chars)" : shown);
        }
    }

    /**
     * Every client frame type, and how the suite shows that naming another user's object in it is refused (or why
     * the frame names none). {@code FrameAuthorizationCoverageTest} fails when a frame type is missing here.
     */
    public static final Map<String, String> AUTHORIZATION = Map.of(
            "Send", "another user's chat, a chat with a made-up user, sender fields in the frame: not_a_member",
            "Read", "another user's chat: not_a_member",
            "Ack", "names no object: the cursor of the connection's own device, from its token",
            "Sync", "names no object: the connection's own inbox",
            "Ping", "names no object",
            "Typing", "another user's chat: not_a_member",
            "SubscribePresence", "names other users by design: what it reveals follows their privacy settings and blocks (PresenceEndToEndTest)",
            "UnsubscribePresence", "names no object of anyone else: only the connection's own subscriptions",
            "OpenChat", "another user's chat: not_a_member (groups: gateway's GroupTypingIntegrationTest)",
            "CloseChat", "names no object of anyone else: only the connection's own open chats");

    private static final String[] NOT_OBJECTS = {"1", "-0.5e3", "\"send\"", "[]", "[{\"type\":\"send\"}]", "true", "false",
        "null", "\"\"", "{", "}", "[", " ", ""};
    /** Not visible ASCII: refused in a client_msg_id (visible ASCII) and a content_type (RFC 9110 tokens). */
    private static final String[] NOT_VISIBLE_ASCII = {"\u0000", "\u0001", "\n", "\r\n", "\t", "\u007f", "\u0085",
        "\u2028", "\u200b", "\ufeff", "é", "\u4f60\u597d", "\uD83D\uDE00", " "};
    /** Also markup, path and escape characters, and a lone surrogate: refused in a chat id, harmless in a body. */
    private static final String[] CONTROL_AND_UNICODE = {"\u0000", "\u0001", "\n", "\r\n", "\t", "\u007f", "\u0085",
        "\u2028", "\u200b", "\ufeff", "é", "\u4f60\u597d", "\uD83D\uDE00", "\uD800", " ", "\"", "\\", "<script>", "../", "%00"};
    private static final String[] WRONG_TYPED_VALUES = {"5", "-1", "1.5", "true", "false", "[]", "[\"x\"]", "{}",
        "{\"a\":1}", "99999999999999999999999"};
    private static final String[] BAD_NUMBERS = {"-1", "-9223372036854775808", "1.5", "1e30", "-1e-3",
        "99999999999999999999999", "\"5\"", "true", "[]", "{}", "0.0"};
    private static final String[] SEND_FIELDS = {"client_msg_id", "chat", "content_type", "body"};

    private final Random random;
    private final String foreignChat;
    private final String attacker;
    private final String otherUser;
    private int serial;

    /**
     * @param foreignChat a chat the attacker is not in (its sends are refused with {@code not_a_member})
     * @param attacker the attacker's user id
     * @param otherUser another user's id (a member of {@code foreignChat})
     */
    public HostileFrames(long seed, String foreignChat, String attacker, String otherUser) {
        this.random = new Random(seed);
        this.foreignChat = foreignChat;
        this.attacker = attacker;
        this.otherUser = otherUser;
    }

    /** About {@code perCategory} cases of each category, shuffled; the frame-size case is not among them. */
    public List<Case> generate(int perCategory) {
        List<Case> cases = new ArrayList<>();
        List<Consumer<List<Case>>> categories = List.of(
                this::truncatedJson, this::notAnObject, this::trailingData, this::duplicateField, this::deepNesting,
                this::rawControlCharacters, this::missingField, this::wrongType, this::badNumbers, this::hostileStrings,
                this::othersChats, this::unknownType, this::binary, this::limits);
        for (Consumer<List<Case>> category : categories) {
            for (int i = 0; i < perCategory; i++) {
                category.accept(cases);
            }
        }
        java.util.Collections.shuffle(cases, random);
        return cases;
    }

    /** A frame over the gateway's frame-size limit: the connection is closed with 1009. */
    public String oversizeFrame(int maxFrameBytes) {
        Map<String, String> send = send();
        send.put("body", json("x".repeat(maxFrameBytes + 1)));
        return object(send);
    }

    private void truncatedJson(List<Case> out) {
        String whole = object(send());
        out.add(Case.text("truncated JSON", whole.substring(0, random.nextInt(whole.length())), ErrorCode.BAD_JSON));
    }

    private void notAnObject(List<Case> out) {
        out.add(Case.text("not an object", pick(NOT_OBJECTS), ErrorCode.BAD_JSON));
    }

    private void trailingData(List<Case> out) {
        String whole = object(send());
        String trailer = pick(new String[] {"x", "{}", "[]", "1", whole, "}", "\"", "null"});
        out.add(Case.text("trailing data", whole + trailer, ErrorCode.BAD_JSON));
    }

    private void duplicateField(List<Case> out) {
        Map<String, String> send = send();
        String field = pick(new String[] {"type", "ref", "chat", "body", "client_msg_id"});
        String whole = object(send);
        String duplicated = whole.substring(0, whole.length() - 1) + ",\"" + field + "\":" + send.get(field) + "}";
        out.add(Case.text("duplicate field", duplicated, ErrorCode.BAD_JSON));
    }

    private void deepNesting(List<Case> out) {
        int depth = 17 + random.nextInt(random.nextBoolean() ? 50 : 5_000);
        boolean arrays = random.nextBoolean();
        boolean closed = random.nextBoolean();
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        String nested = open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
        Map<String, String> send = send();
        send.put("extension", nested);
        out.add(Case.text("deep nesting", object(send), ErrorCode.BAD_JSON));
    }

    private void rawControlCharacters(List<Case> out) {
        Map<String, String> send = send();
        String field = pick(SEND_FIELDS);
        String value = send.get(field);
        char control = (char) random.nextInt(0x20);
        send.put(field, value.substring(0, value.length() - 1) + control + "\"");
        out.add(Case.text("unescaped control character", object(send), ErrorCode.BAD_JSON));
    }

    private void missingField(List<Case> out) {
        Map<String, String> frame = switch (random.nextInt(4)) {
            case 0 -> send();
            case 1 -> frame("read", "chat", json(foreignChat), "up_to_seq", "1");
            case 2 -> frame("ack", "cursor", "1");
            default -> frame("sync", "cursor", "0");
        };
        List<String> required = new ArrayList<>(frame.keySet());
        required.remove("ref");
        String field = required.get(random.nextInt(required.size()));
        if (random.nextBoolean()) {
            frame.remove(field);
        } else {
            frame.put(field, "null");
        }
        out.add(Case.text("missing field", object(frame), ErrorCode.MISSING_FIELD));
    }

    private void wrongType(List<Case> out) {
        Map<String, String> send = send();
        String field = pick(new String[] {"type", "ref", "client_msg_id", "chat", "content_type", "body"});
        String value = pick(WRONG_TYPED_VALUES);
        if (field.equals("body") && value.equals("99999999999999999999999")) {
            value = "[]";
        }
        send.put(field, value);
        out.add(Case.text("wrong type", object(send), ErrorCode.INVALID_FIELD));
    }

    private void badNumbers(List<Case> out) {
        String number = pick(BAD_NUMBERS);
        Map<String, String> frame = switch (random.nextInt(3)) {
            case 0 -> frame("ack", "cursor", number);
            case 1 -> frame("sync", "cursor", number);
            default -> frame("read", "chat", json(foreignChat), "up_to_seq", random.nextBoolean() ? number : "0");
        };
        out.add(Case.text("bad number", object(frame), ErrorCode.INVALID_FIELD));
    }

    /** Control, invisible, non-ASCII and markup characters inside otherwise valid JSON strings. */
    private void hostileStrings(List<Case> out) {
        String nasty = pick(CONTROL_AND_UNICODE);
        Map<String, String> send = send();
        switch (random.nextInt(5)) {
            case 0 -> {
                send.put("client_msg_id", json("c" + pick(NOT_VISIBLE_ASCII) + serial));
                out.add(Case.text("hostile client_msg_id", object(send), ErrorCode.INVALID_FIELD));
            }
            case 1 -> {
                send.put("chat", json(foreignChat + nasty));
                out.add(Case.text("hostile chat", object(send), ErrorCode.INVALID_FIELD));
            }
            case 2 -> {
                send.put("content_type", json("text/plain" + pick(NOT_VISIBLE_ASCII)));
                out.add(Case.text("hostile content_type", object(send), ErrorCode.INVALID_FIELD));
            }
            case 3 -> {
                // any text is a valid body: the frame decodes, and authorization refuses it
                send.put("body", json("body " + nasty + " " + serial));
                out.add(Case.text("hostile body", object(send), ErrorCode.NOT_A_MEMBER));
            }
            default -> {
                send.put("type", json("send" + nasty));
                out.add(Case.text("hostile type", object(send), ErrorCode.UNKNOWN_TYPE));
            }
        }
    }

    /** Other users' chats and ids, and fields that try to choose the sender. */
    private void othersChats(List<Case> out) {
        Map<String, String> send = send();
        switch (random.nextInt(7)) {
            case 0 -> send.put("chat", json(directChat(otherUser, UUID.randomUUID().toString())));
            case 1 -> send.put("chat", json(directChat(attacker, UUID.randomUUID().toString())));
            case 2 -> {
                send.put("from", json(otherUser));
                send.put("user", json(otherUser));
                send.put("user_id", json(otherUser));
            }
            case 3 -> {
                Map<String, String> read = frame("read", "chat", json(foreignChat), "up_to_seq", Integer.toString(1 + random.nextInt(100)));
                out.add(Case.text("another user's chat", object(read), ErrorCode.NOT_A_MEMBER));
                return;
            }
            case 4 -> {
                Map<String, String> typing = frame("typing", "chat", json(foreignChat), "state", json("composing"));
                out.add(Case.text("typing in another user's chat", object(typing), ErrorCode.NOT_A_MEMBER));
                return;
            }
            case 5 -> {
                Map<String, String> open = frame("open_chat", "chat", json(foreignChat));
                out.add(Case.text("opening another user's chat", object(open), ErrorCode.NOT_A_MEMBER));
                return;
            }
            default -> send.put("device", json(UUID.randomUUID().toString()));
        }
        out.add(Case.text("another user's chat", object(send), ErrorCode.NOT_A_MEMBER));
    }

    private void unknownType(List<Case> out) {
        Map<String, String> frame = send();
        if (random.nextInt(4) == 0) {
            frame.put("type", json("t".repeat(33 + random.nextInt(100))));
            out.add(Case.text("type too long", object(frame), ErrorCode.INVALID_FIELD));
            return;
        }
        frame.put("type", json(pick(new String[] {"zz_", "SEND", "Send", "send ", " send", "admin_", "x."}) + random.nextInt(1000)));
        out.add(Case.text("unknown type", object(frame), ErrorCode.UNKNOWN_TYPE));
    }

    private void binary(List<Case> out) {
        byte[] bytes = random.nextBoolean() ? new byte[random.nextInt(2_000)]
                : object(send()).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && bytes[0] == 0) {
            random.nextBytes(bytes);
        }
        out.add(new Case("binary frame", null, bytes, ErrorCode.BAD_JSON));
    }

    /** Just under and just over each limit of docs/protocol.md; under a limit the frame decodes and is refused by authorization. */
    private void limits(List<Case> out) {
        Map<String, String> send = send();
        boolean over = random.nextBoolean();
        int extra = over ? 1 : 0;
        switch (random.nextInt(6)) {
            case 0 -> {
                send.put("body", json("b".repeat(Protocol.MAX_BODY_BYTES + extra)));
                out.add(Case.text("body limit", object(send), over ? ErrorCode.BODY_TOO_LARGE : ErrorCode.NOT_A_MEMBER));
            }
            case 1 -> {
                send.put("body", json("é".repeat(Protocol.MAX_BODY_BYTES / 2) + (over ? "b" : "")));
                out.add(Case.text("body limit in UTF-8 bytes", object(send), over ? ErrorCode.BODY_TOO_LARGE : ErrorCode.NOT_A_MEMBER));
            }
            case 2 -> {
                send.put("client_msg_id", json(("c" + serial + "-").repeat(40).substring(0, Protocol.MAX_ID_CHARS + extra)));
                out.add(Case.text("client_msg_id limit", object(send), over ? ErrorCode.INVALID_FIELD : ErrorCode.NOT_A_MEMBER));
            }
            case 3 -> {
                send.put("ref", json("r".repeat(Protocol.MAX_ID_CHARS + extra)));
                out.add(Case.text("ref limit", object(send), over ? ErrorCode.INVALID_FIELD : ErrorCode.NOT_A_MEMBER));
            }
            case 4 -> {
                send.put("content_type", json("text/" + "p".repeat(Protocol.MAX_CONTENT_TYPE_CHARS - 5 + extra)));
                out.add(Case.text("content_type limit", object(send), over ? ErrorCode.INVALID_FIELD : ErrorCode.NOT_A_MEMBER));
            }
            default -> {
                send.put("content_type", json("image/png"));
                send.put("body", json(over ? "not base64 !" : "aGVsbG8="));
                out.add(Case.text("base64 body", object(send), over ? ErrorCode.INVALID_FIELD : ErrorCode.NOT_A_MEMBER));
            }
        }
    }

    /** A well-formed send into the foreign chat, as JSON values by field, in wire order. */
    private Map<String, String> send() {
        serial++;
        Map<String, String> send = new LinkedHashMap<>();
        send.put("type", json("send"));
        send.put("ref", json("h" + serial));
        send.put("client_msg_id", json("hostile-" + serial));
        send.put("chat", json(foreignChat));
        send.put("content_type", json("text/plain"));
        send.put("body", json("hostile " + serial));
        return send;
    }

    private Map<String, String> frame(String type, String... fieldsAndValues) {
        serial++;
        Map<String, String> frame = new LinkedHashMap<>();
        frame.put("type", json(type));
        frame.put("ref", json("h" + serial));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            frame.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return frame;
    }

    private static String directChat(String a, String b) {
        return a.compareTo(b) < 0 ? "d:" + a + ":" + b : "d:" + b + ":" + a;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String object(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value));
        return json.append('}').toString();
    }

    /**
     * A JSON string literal; control characters and surrogates escaped, so the JSON stays valid and the frame
     * encodable as UTF-8 whatever the value holds (a lone surrogate reaches the server only as an escape).
     */
    static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
