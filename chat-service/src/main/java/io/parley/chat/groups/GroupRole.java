package io.parley.chat.groups;

import java.util.Locale;

/** A user's role in a group chat from some seq on; NONE: not a member (left, removed, never joined). */
public enum GroupRole {
    ADMIN, MEMBER, NONE;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static GroupRole ofStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
