package io.parley.user.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** Username rules: case-insensitive, stored lower-case, 3-32 characters of {@code [a-z0-9_.]}. */
public final class Username {

    /** What a client may send; upper case is accepted and folded. */
    public static final String INPUT_PATTERN = "[A-Za-z0-9_.]{3,32}";
    public static final String RULE = "must be 3-32 characters of letters, digits, '_' and '.'";

    private static final Pattern INPUT = Pattern.compile(INPUT_PATTERN);

    private Username() {
    }

    public static boolean isValid(String candidate) {
        return candidate != null && INPUT.matcher(candidate).matches();
    }

    /** The stored form; callers validate first. */
    public static String normalize(String candidate) {
        if (!isValid(candidate)) {
            throw new IllegalArgumentException("username " + RULE);
        }
        return candidate.toLowerCase(Locale.ROOT);
    }
}
