package io.parley.push.support;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser does with a Web Push body (RFC 8291 / RFC 8188 aes128gcm), written from the RFCs independently of
 * push-service's encryption: reads salt, record size and the server's key from the header, agrees the secret with
 * the subscription's private key, derives key and nonce, opens the record and strips the padding.
 */
public final class WebPushDecryption {

    private WebPushDecryption() {
    }

    public static byte[] decrypt(byte[] body, WebPushKeys subscription) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] serverKey = new byte[in.get() & 0xff];
        in.get(serverKey);
        byte[] record = new byte[in.remaining()];
        in.get(record);
        if (record.length > recordSize) {
            throw new IllegalArgumentException("more than one record");
        }

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(subscription.keyPair().getPrivate());
        agreement.doPhase(publicKey(serverKey), true);
        byte[] ecdh = agreement.generateSecret();
        byte[] prkKey = hmac(subscription.auth(), ecdh);
        byte[] keyInfo = ByteBuffer.allocate(14 + 65 + 65 + 1).put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
                .put(subscription.publicKeyBytes()).put(serverKey).put((byte) 1).array();
        byte[] ikm = hmac(prkKey, keyInfo);
        byte[] prk = hmac(salt, ikm);
        byte[] cek = Arrays.copyOf(hmac(prk, info("Content-Encoding: aes128gcm\0")), 16);
        byte[] nonce = Arrays.copyOf(hmac(prk, info("Content-Encoding: nonce\0")), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(record);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("the last record must end with delimiter 2");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] info(String label) {
        byte[] text = label.getBytes(StandardCharsets.US_ASCII);
        byte[] info = Arrays.copyOf(text, text.length + 1);
        info[text.length] = 1;
        return info;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static PublicKey publicKey(byte[] point) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve));
    }
}
