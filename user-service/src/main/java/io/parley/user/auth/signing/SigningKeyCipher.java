package io.parley.user.auth.signing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for private signing keys at rest. The key id is authenticated data, so a ciphertext
 * moved to another row does not decrypt. Stored form: 12-byte nonce followed by ciphertext and tag.
 */
final class SigningKeyCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SigningKeyCipher(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length != 32) {
            throw new IllegalArgumentException("parley.user.signing-keys.encryption-key must decode to 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
    }

    byte[] encrypt(byte[] plaintext, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, plaintext, kid);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    byte[] decrypt(byte[] stored, String kid) {
        if (stored.length <= NONCE_BYTES) {
            throw new IllegalStateException("Signing key " + kid + " has a truncated ciphertext");
        }
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(stored, NONCE_BYTES),
                Arrays.copyOfRange(stored, NONCE_BYTES, stored.length), kid);
    }

    private byte[] run(int mode, byte[] nonce, byte[] input, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // Never include key material; the kid tells an operator which row (or which encryption key) is wrong.
            throw new IllegalStateException("Cannot " + (mode == Cipher.ENCRYPT_MODE ? "encrypt" : "decrypt")
                    + " signing key " + kid + ": wrong parley.user.signing-keys.encryption-key or corrupted row", e);
        }
    }
}
