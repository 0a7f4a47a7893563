package io.parley.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The top-level scalar fields of one JSON object frame, arrays of strings (presence subscriptions) and arrays of flat
 * objects of scalars (a group receipt's counts). Other nested objects and arrays are skipped (a newer client may add
 * some), unknown fields are kept but never looked at, and null counts as absent.
 */
final class JsonFields {

    /** Stands for a value that is not a usable scalar: an object, an array, a fraction, an out-of-range number. */
    private static final Object NOT_SCALAR = new Object();
    /** More items than any frame may carry: such an array is not read further. */
    private static final int MAX_ARRAY_ITEMS = Math.max(Protocol.MAX_PRESENCE_SUBSCRIPTIONS, Protocol.MAX_RECEIPT_COUNTS);

    private final Map<String, Object> values = new HashMap<>();
    private final String ref;

    private JsonFields(Map<String, Object> parsed) {
        values.putAll(parsed);
        Object rawRef = values.get("ref");
        this.ref = rawRef instanceof String s && s.length() <= Protocol.MAX_ID_CHARS ? s : null;
    }

    static JsonFields parse(JsonFactory json, String text) throws FrameException {
        Map<String, Object> parsed = new HashMap<>();
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FrameException(ErrorCode.BAD_JSON, null, "a frame is one JSON object");
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                Object value = scalar(parser, parser.nextToken());
                if (value != null) {
                    parsed.put(name, value);
                }
            }
            if (parser.nextToken() != null) {
                throw new FrameException(ErrorCode.BAD_JSON, null, "trailing data after the frame's JSON object");
            }
        } catch (JacksonException e) {
            throw new FrameException(ErrorCode.BAD_JSON, null, "not valid JSON: " + e.getOriginalMessage());
        }
        return new JsonFields(parsed);
    }

    private static Object scalar(JsonParser parser, JsonToken token) {
        return switch (token) {
            case VALUE_STRING -> parser.getString();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? NOT_SCALAR : (Object) parser.getLongValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> array(parser);
            case START_OBJECT -> {
                parser.skipChildren();
                yield NOT_SCALAR;
            }
            default -> NOT_SCALAR;
        };
    }

    /**
     * An array of at most {@link #MAX_ARRAY_ITEMS} strings, or of as many objects whose scalar members are kept (their
     * nested values skipped), or {@link #NOT_SCALAR}; the parser ends past the array.
     */
    private static Object array(JsonParser parser) {
        List<Object> items = new ArrayList<>();
        JsonToken kind = null;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY && item != null; item = parser.nextToken()) {
            boolean usable = (item == JsonToken.VALUE_STRING || item == JsonToken.START_OBJECT) && (kind == null || kind == item);
            if (!usable || items.size() == MAX_ARRAY_ITEMS) {
                parser.skipChildren();
                skipRestOfArray(parser);
                return NOT_SCALAR;
            }
            kind = item;
            items.add(item == JsonToken.VALUE_STRING ? parser.getString() : flatObject(parser));
        }
        return List.copyOf(items);
    }

    private static Map<String, Object> flatObject(JsonParser parser) {
        Map<String, Object> members = new HashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
                parser.skipChildren();
                continue;
            }
            Object value = scalar(parser, token);
            if (value != null && value != NOT_SCALAR) {
                members.put(name, value);
            }
        }
        return members;
    }

    private static void skipRestOfArray(JsonParser parser) {
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY && item != null; item = parser.nextToken()) {
            parser.skipChildren();
        }
    }

    /** The frame's {@code ref} if it is a string of at most 64 characters, else null. */
    String ref() {
        return ref;
    }

    /** Rejects a {@code ref} that is present but unusable, so the client learns why its answers lack it. */
    void checkRef() throws FrameException {
        if (values.containsKey("ref") && ref == null) {
            throw invalid("ref", "must be a string of at most " + Protocol.MAX_ID_CHARS + " characters");
        }
    }

    String requiredString(String name, int maxChars) throws FrameException {
        String value = optionalString(name, maxChars);
        if (value == null) {
            throw new FrameException(ErrorCode.MISSING_FIELD, ref, "missing field '" + name + "'");
        }
        return value;
    }

    /** A non-empty string of at most {@code maxChars}, or null when absent. */
    String optionalString(String name, int maxChars) throws FrameException {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String string)) {
            throw invalid(name, "must be a string");
        }
        if (string.isEmpty() || string.length() > maxChars) {
            throw invalid(name, "must be 1.." + maxChars + " characters");
        }
        return string;
    }

    /** A string of any length, possibly empty; for bodies, whose limit is in bytes. */
    String requiredText(String name) throws FrameException {
        Object value = values.get(name);
        if (value == null) {
            throw new FrameException(ErrorCode.MISSING_FIELD, ref, "missing field '" + name + "'");
        }
        if (!(value instanceof String string)) {
            throw invalid(name, "must be a string");
        }
        return string;
    }

    /** A non-empty array of 1..{@code maxItems} strings of 1..{@code maxChars} characters each. */
    List<String> requiredStrings(String name, int maxItems, int maxChars) throws FrameException {
        Object value = values.get(name);
        if (value == null) {
            throw new FrameException(ErrorCode.MISSING_FIELD, ref, "missing field '" + name + "'");
        }
        if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > maxItems) {
            throw invalid(name, "must be an array of 1.." + maxItems + " strings");
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object item : list) {
            if (!(item instanceof String string)) {
                throw invalid(name, "must be an array of 1.." + maxItems + " strings");
            }
            if (string.isEmpty() || string.length() > maxChars) {
                throw invalid(name, "must hold strings of 1.." + maxChars + " characters");
            }
            strings.add(string);
        }
        return List.copyOf(strings);
    }

    long requiredLong(String name, long min) throws FrameException {
        Object value = values.get(name);
        if (value == null) {
            throw new FrameException(ErrorCode.MISSING_FIELD, ref, "missing field '" + name + "'");
        }
        if (!(value instanceof Long number) || number < min) {
            throw invalid(name, "must be an integer of at least " + min);
        }
        return number;
    }

    /** A lenient read of an array of objects for frames from the server: each object's scalar members; empty when absent. */
    List<Map<String, Object>> lenientObjects(String name) {
        if (!(values.get(name) instanceof List<?> list)) {
            return List.of();
        }
        List<Map<String, Object>> objects = new ArrayList<>(list.size());
        for (Object item : list) {
            if (item instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> members = (Map<String, Object>) map;
                objects.add(members);
            }
        }
        return objects;
    }

    long optionalLong(String name, long fallback) {
        return values.get(name) instanceof Long number ? number : fallback;
    }

    Long optionalLongOrNull(String name) {
        return values.get(name) instanceof Long number ? number : null;
    }

    boolean optionalBoolean(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /** A lenient read for frames from the server, whose newer versions may change what a client expects. */
    String lenientString(String name) {
        return values.get(name) instanceof String string ? string : null;
    }

    FrameException invalid(String name, String rule) {
        return new FrameException(ErrorCode.INVALID_FIELD, ref, "field '" + name + "' " + rule);
    }
}
