package io.parley.user.auth;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The opaque refresh token a client holds: base64url (no padding) of a 16-byte token id followed by a
 * 32-byte random secret, 64 characters. Only SHA-256 of the secret is stored, so a database leak does
 * not yield usable tokens; the secret has 256 bits, so a fast hash is enough.
 */
final class RefreshTokenCodec {

    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private RefreshTokenCodec() {
    }

    record Parts(UUID tokenId, byte[] secret) {
    }

    static Parts generate() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new Parts(UUID.randomUUID(), secret);
    }

    static String encode(Parts parts) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + SECRET_BYTES)
                .putLong(parts.tokenId().getMostSignificantBits())
                .putLong(parts.tokenId().getLeastSignificantBits())
                .put(parts.secret());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    static Optional<Parts> decode(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        UUID tokenId = new UUID(buffer.getLong(), buffer.getLong());
        byte[] secret = new byte[SECRET_BYTES];
        buffer.get(secret);
        return Optional.of(new Parts(tokenId, secret));
    }

    static byte[] hash(byte[] secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
