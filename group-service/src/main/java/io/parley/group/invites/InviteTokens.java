package io.parley.group.invites;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Invite tokens: 128 random bits, URL-safe base64 without padding (22 characters), so they cannot be guessed. */
final class InviteTokens {

    static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteTokens() {
    }

    static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
