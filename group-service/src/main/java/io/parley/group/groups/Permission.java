package io.parley.group.groups;

import java.util.Locale;

/** Who may do something in a group: every member, or admins only. Stored and sent in lower case. */
public enum Permission {
    ALL, ADMINS;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Permission fromWireName(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
