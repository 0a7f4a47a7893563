package io.parley.media.library;

import io.parley.media.error.MediaException;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import java.util.UUID;

/** Media and user ids as callers send them: canonical UUIDs. */
public final class MediaIds {

    private MediaIds() {
    }

    /** The UUID {@code value} spells; MALFORMED_ID naming {@code field} otherwise. */
    public static UUID parse(String field, String value) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value)) {
                return id;
            }
        } catch (IllegalArgumentException | NullPointerException malformed) {
            // answered below
        }
        throw new MediaException(ErrorReason.MALFORMED_ID, field + " is not a UUID", Map.of("field", field));
    }
}
