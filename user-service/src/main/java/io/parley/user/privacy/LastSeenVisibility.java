package io.parley.user.privacy;

import java.util.Locale;

/** Who may see when a user was last online. Written lower-case in the API. */
public enum LastSeenVisibility {
    EVERYONE, CONTACTS, NOBODY;

    static final String PATTERN = "everyone|contacts|nobody";

    static LastSeenVisibility parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
