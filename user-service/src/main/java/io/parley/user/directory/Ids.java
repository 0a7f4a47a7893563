package io.parley.user.directory;

import java.util.Locale;
import java.util.UUID;

/** Ids in requests are strings; a malformed one is INVALID_ARGUMENT naming the field. */
final class Ids {

    private Ids() {
    }

    static UUID parse(String value, String field) {
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equals(value.toLowerCase(Locale.ROOT))) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw DirectoryErrors.malformedId(field);
    }
}
