package io.parley.push.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** A browser's side of a Web Push subscription: its P-256 key pair and auth secret. */
public record WebPushKeys(KeyPair keyPair, byte[] auth) {

    public static WebPushKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new WebPushKeys(generator.generateKeyPair(), auth);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The uncompressed point 0x04 || X || Y, as {@code PushSubscription.getKey("p256dh")} gives it. */
    public byte[] publicKeyBytes() {
        ECPublicKey key = (ECPublicKey) keyPair.getPublic();
        byte[] point = new byte[65];
        point[0] = 4;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return point;
    }

    public String publicKeyBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKeyBytes());
    }

    public String authBase64Url() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    private static void copy(BigInteger coordinate, byte[] into, int offset) {
        byte[] bytes = coordinate.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }
}
