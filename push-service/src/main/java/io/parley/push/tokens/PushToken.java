package io.parley.push.tokens;

/** Where a device receives pushes: one of the three platforms, each with what its sender needs. */
public sealed interface PushToken permits PushToken.Apns, PushToken.Fcm, PushToken.WebPush {

    Platform platform();

    /** What names this token on its platform (device token, registration token, endpoint); never logged whole. */
    String value();

    /**
     * An APNs device token.
     *
     * @param topic   the app's bundle id, the {@code apns-topic} of its pushes
     * @param sandbox whether the app was built for APNs' development environment
     */
    record Apns(String deviceToken, String topic, boolean sandbox) implements PushToken {
        @Override
        public Platform platform() {
            return Platform.APNS;
        }

        @Override
        public String value() {
            return deviceToken;
        }
    }

    /** An FCM registration token. */
    record Fcm(String registrationToken) implements PushToken {
        @Override
        public Platform platform() {
            return Platform.FCM;
        }

        @Override
        public String value() {
            return registrationToken;
        }
    }

    /**
     * A browser's push subscription (RFC 8030): the endpoint and the keys its payloads are encrypted for (RFC 8291).
     *
     * @param p256dh the user agent's P-256 public key, uncompressed point, base64url
     * @param auth   the 16-byte authentication secret, base64url
     */
    record WebPush(String endpoint, String p256dh, String auth) implements PushToken {
        @Override
        public Platform platform() {
            return Platform.WEB_PUSH;
        }

        @Override
        public String value() {
            return endpoint;
        }
    }
}
