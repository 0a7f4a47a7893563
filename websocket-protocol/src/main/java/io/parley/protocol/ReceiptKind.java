package io.parley.protocol;

import java.util.Locale;

/** What a {@code receipt} frame reports: a device of the user received the chat, or the user read it. */
public enum ReceiptKind {
    DELIVERED,
    READ;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReceiptKind fromWireName(String wireName) {
        for (ReceiptKind kind : values()) {
            if (kind.wireName().equals(wireName)) {
                return kind;
            }
        }
        return null;
    }
}
