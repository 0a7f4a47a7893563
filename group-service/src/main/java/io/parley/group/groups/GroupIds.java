package io.parley.group.groups;

import io.parley.group.error.GroupException;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Map;
import java.util.UUID;

/** Group and user ids as callers send them: canonical lower-case UUIDs, one spelling per id. */
public final class GroupIds {

    private GroupIds() {
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
        throw new GroupException(ErrorReason.MALFORMED_ID, field + " is not a UUID", Map.of("field", field));
    }
}
