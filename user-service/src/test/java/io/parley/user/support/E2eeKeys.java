package io.parley.user.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a client does to produce its E2EE key uploads, following docs/identity.md byte for byte:
 * raw 32-byte Ed25519 / X25519 public keys, and an Ed25519 signature over
 * "parley-signed-prekey-v1" || keyId (4 bytes big-endian) || signed prekey.
 */
public final class E2eeKeys {

    private final KeyPair identity;

    private E2eeKeys(KeyPair identity) {
        this.identity = identity;
    }

    public static E2eeKeys generate() {
        try {
            return new E2eeKeys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String identityKey() {
        return base64(raw(identity.getPublic().getEncoded()));
    }

    public static byte[] x25519PublicKey() {
        try {
            return raw(KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String sign(int keyId, byte[] preKey) {
        byte[] context = "parley-signed-prekey-v1".getBytes(StandardCharsets.US_ASCII);
        byte[] message = ByteBuffer.allocate(context.length + 4 + preKey.length).put(context).putInt(keyId).put(preKey).array();
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(identity.getPrivate());
            ed25519.update(message);
            return base64(ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON body of PUT .../keys for signed prekey {@code keyId}. */
    public String identityUpload(int keyId) {
        byte[] preKey = x25519PublicKey();
        return """
                {"identityKey":"%s","signedPreKey":{"keyId":%d,"publicKey":"%s","signature":"%s"}}"""
                .formatted(identityKey(), keyId, base64(preKey), sign(keyId, preKey));
    }

    /** JSON body of POST .../keys/one-time with key ids {@code from} (inclusive) to {@code to} (exclusive). */
    public static String oneTimeUpload(int from, int to) {
        StringBuilder keys = new StringBuilder();
        for (int id = from; id < to; id++) {
            keys.append(keys.isEmpty() ? "" : ",").append("{\"keyId\":").append(id)
                    .append(",\"publicKey\":\"").append(base64(x25519PublicKey())).append("\"}");
        }
        return "{\"preKeys\":[" + keys + "]}";
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** X.509 SubjectPublicKeyInfo of an Ed25519/X25519 key ends with the raw 32-byte key. */
    private static byte[] raw(byte[] spki) {
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }
}
