package io.parley.group.members;

import java.util.Locale;

/** A member's role in a group; stored and sent in lower case. */
public enum Role {
    ADMIN, MEMBER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
