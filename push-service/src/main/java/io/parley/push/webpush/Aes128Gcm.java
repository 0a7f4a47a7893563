package io.parley.push.webpush;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Web Push message encryption (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188), with the JDK's crypto:
 * an ephemeral P-256 key agreed with the subscription's {@code p256dh} key (ECDH), mixed with its {@code auth}
 * secret (HKDF-SHA-256) into the content key and nonce, and the payload sealed as one AES-128-GCM record.
 */
final class Aes128Gcm {

    /** The record size announced in the header; a push payload (at most 4 KiB) is one record. */
    static final int RECORD_SIZE = 4096;
    private static final byte LAST_RECORD_DELIMITER = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Aes128Gcm() {
    }

    /** The request body for {@code plaintext} to the subscription with these keys. */
    static byte[] encrypt(byte[] plaintext, byte[] userAgentPublicKey, byte[] authSecret) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(P256.curve(), RANDOM);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, userAgentPublicKey, authSecret, generator.generateKeyPair(), salt);
    }

    /** With a given ephemeral key pair and salt: deterministic, as RFC 8291's test vector needs. */
    static byte[] encrypt(byte[] plaintext, byte[] userAgentPublicKey, byte[] authSecret, KeyPair ephemeral, byte[] salt)
            throws GeneralSecurityException {
        if (plaintext.length + 1 + 16 > RECORD_SIZE) {
            throw new GeneralSecurityException("payload does not fit one record");
        }
        byte[] serverPublicKey = P256.encode((ECPublicKey) ephemeral.getPublic());
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init((ECPrivateKey) ephemeral.getPrivate());
        agreement.doPhase(P256.publicKey(userAgentPublicKey), true);
        byte[] ecdhSecret = agreement.generateSecret();

        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), userAgentPublicKey, serverPublicKey);
        byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
        byte[] contentKey = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = cipher.doFinal(concat(plaintext, new byte[] {LAST_RECORD_DELIMITER}));

        ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + serverPublicKey.length);
        header.put(salt).putInt(RECORD_SIZE).put((byte) serverPublicKey.length).put(serverPublicKey);
        return concat(header.array(), record);
    }

    /** HKDF-SHA-256 (RFC 5869), extract then expand, for at most 32 bytes of output. */
    static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) throws GeneralSecurityException {
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] pseudoRandomKey = extract.doFinal(inputKey);
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
        expand.update(info);
        expand.update((byte) 1);
        return Arrays.copyOf(expand.doFinal(), length);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
