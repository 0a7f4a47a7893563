package io.parley.user.device;

import java.util.Locale;

/** What kind of client a device is. Written lower-case in the API: ios, android, web, desktop. */
public enum Platform {
    IOS, ANDROID, WEB, DESKTOP;

    public static final String PATTERN = "ios|android|web|desktop";

    public static Platform parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
