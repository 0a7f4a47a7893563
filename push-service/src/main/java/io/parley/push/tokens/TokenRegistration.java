package io.parley.push.tokens;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /v1/push/token}: the platform and the fields that platform needs.
 * <ul>
 *   <li>{@code apns}: {@code token} (hex device token), {@code topic} (bundle id), {@code sandbox} (optional, false)</li>
 *   <li>{@code fcm}: {@code token} (registration token)</li>
 *   <li>{@code web_push}: {@code endpoint} (https URL), {@code keys.p256dh}, {@code keys.auth} (base64url)</li>
 * </ul>
 */
record TokenRegistration(@NotNull(message = "is required (apns, fcm or web_push)") Platform platform, String token,
        String topic, Boolean sandbox, String endpoint, Keys keys) {

    private static final Pattern APNS_TOKEN = Pattern.compile("[0-9a-fA-F]{64,200}");
    private static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9.-]{1,155}");
    private static final Pattern FCM_TOKEN = Pattern.compile("[A-Za-z0-9_:.-]{1,4096}");
    private static final int MAX_ENDPOINT = 2048;

    /** The subscription's keys, as a browser's {@code PushSubscription.toJSON()} names them. */
    record Keys(String p256dh, String auth) {
    }

    /** The token this registration describes; throws {@link InvalidTokenException} naming the first bad field. */
    PushToken toPushToken(TokenSettings settings) {
        return switch (platform) {
            case APNS -> {
                require("token", token, APNS_TOKEN, "must be the hex APNs device token");
                require("topic", topic, BUNDLE_ID, "must be the app's bundle id");
                yield new PushToken.Apns(token.toLowerCase(Locale.ROOT), topic, Boolean.TRUE.equals(sandbox));
            }
            case FCM -> {
                require("token", token, FCM_TOKEN, "must be the FCM registration token");
                yield new PushToken.Fcm(token);
            }
            case WEB_PUSH -> {
                requireEndpoint(settings);
                if (keys == null) {
                    throw new InvalidTokenException("keys", "is required (p256dh and auth)");
                }
                requireKey("keys.p256dh", keys.p256dh(), 65, "must be the base64url uncompressed P-256 public key (65 bytes)");
                requireKey("keys.auth", keys.auth(), 16, "must be the base64url 16-byte authentication secret");
                yield new PushToken.WebPush(endpoint, keys.p256dh(), keys.auth());
            }
        };
    }

    private void requireEndpoint(TokenSettings settings) {
        if (endpoint == null || endpoint.length() > MAX_ENDPOINT) {
            throw new InvalidTokenException("endpoint", "is required, at most " + MAX_ENDPOINT + " characters");
        }
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("endpoint", "must be a URL");
        }
        boolean https = "https".equals(uri.getScheme());
        if (uri.getHost() == null || !(https || settings.allowPlainHttpEndpoints() && "http".equals(uri.getScheme()))) {
            throw new InvalidTokenException("endpoint", "must be an https URL");
        }
        if (!settings.allowsWebPushHost(uri.getHost())) {
            throw new InvalidTokenException("endpoint", "must be a URL of a known push service");
        }
    }

    private static void require(String field, String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new InvalidTokenException(field, message);
        }
    }

    private static void requireKey(String field, String value, int length, String message) {
        try {
            if (value != null && Base64.getUrlDecoder().decode(value.replace("=", "")).length == length) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // not base64url: reported below
        }
        throw new InvalidTokenException(field, message);
    }
}
