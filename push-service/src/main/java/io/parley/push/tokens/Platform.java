package io.parley.push.tokens;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** The push platforms; stored and sent on the wire in lower case ({@code apns}, {@code fcm}, {@code web_push}). */
public enum Platform {
    @JsonProperty("apns") APNS,
    @JsonProperty("fcm") FCM,
    @JsonProperty("web_push") WEB_PUSH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Platform ofCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
