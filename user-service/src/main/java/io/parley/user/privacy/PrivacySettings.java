package io.parley.user.privacy;

/** A user's privacy choices; {@link #DEFAULTS} until they change them. */
public record PrivacySettings(LastSeenVisibility lastSeen, boolean readReceipts) {

    /** Last seen for contacts only, read receipts on: private by default, yet the familiar messenger behaviour. */
    public static final PrivacySettings DEFAULTS = new PrivacySettings(LastSeenVisibility.CONTACTS, true);
}
