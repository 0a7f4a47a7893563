package io.parley.user.profile;

/** Limits on profile text, shared by registration and profile edits. */
public final class ProfileRules {

    public static final int DISPLAY_NAME_MAX = 64;
    public static final String DISPLAY_NAME_SIZE = "must be at most 64 characters";
    public static final int ABOUT_MAX = 140;
    /** No control characters (newlines, NUL, bidi controls are Cf, not Cc, and allowed as text). */
    public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";
    public static final String NO_CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";
    /** At least one non-space character; written so matching stays linear in the input length. */
    public static final String NOT_BLANK = "(?s).*\\S.*";
    /** media-service ids: opaque, URL-safe. */
    public static final String MEDIA_ID = "[A-Za-z0-9_-]{1,128}";

    private ProfileRules() {
    }
}
