package io.parley.infra.s3;

import java.security.SecureRandom;

/**
 * The access key pair S3Proxy accepts. Random per server, so nothing can rely on well-known test credentials;
 * {@link #toString()} never shows the secret.
 */
public record S3Credentials(String accessKey, String secretKey) {

    private static final String ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** 20 and 40 characters, shaped like AWS keys. */
    public static S3Credentials random() {
        SecureRandom random = new SecureRandom();
        return new S3Credentials("AKPL" + randomString(random, ACCESS_KEY_ALPHABET, 16),
                randomString(random, SECRET_KEY_ALPHABET, 40));
    }

    @Override
    public String toString() {
        return "S3Credentials[accessKey=" + accessKey + ", secretKey=(hidden)]";
    }

    private static String randomString(SecureRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
