package io.parley.user.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/**
 * Checks that a signed prekey was signed by the device's identity key. The signed message is
 * {@code "parley-signed-prekey-v1"} (UTF-8, 23 bytes) || key id (4 bytes, big-endian) || the 32-byte
 * X25519 public key, signed with Ed25519 (RFC 8032, pure). Binding the key id stops a signature from
 * being replayed for another id; the prefix stops it from being valid in any other protocol.
 */
final class SignedPreKeyVerifier {

    static final byte[] CONTEXT = "parley-signed-prekey-v1".getBytes(StandardCharsets.US_ASCII);
    /** DER SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410); the raw 32 bytes follow. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private SignedPreKeyVerifier() {
    }

    static byte[] signedMessage(int keyId, byte[] preKey) {
        return ByteBuffer.allocate(CONTEXT.length + 4 + preKey.length).put(CONTEXT).putInt(keyId).put(preKey).array();
    }

    static boolean verify(byte[] identityKey, int keyId, byte[] preKey, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(ed25519PublicKey(identityKey));
            ed25519.update(signedMessage(keyId, preKey));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // An identity key that is not a valid curve point verifies nothing.
            return false;
        }
    }

    private static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] spki = ByteBuffer.allocate(ED25519_SPKI_PREFIX.length + raw.length).put(ED25519_SPKI_PREFIX).put(raw).array();
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
