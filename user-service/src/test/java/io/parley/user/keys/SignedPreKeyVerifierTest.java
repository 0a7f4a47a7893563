package io.parley.user.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.user.support.E2eeKeys;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedPreKeyVerifierTest {

    private final E2eeKeys device = E2eeKeys.generate();
    private final byte[] identityKey = Base64.getDecoder().decode(device.identityKey());
    private final byte[] preKey = E2eeKeys.x25519PublicKey();

    @Test
    void acceptsASignatureMadeAsDocumented() {
        assertThat(SignedPreKeyVerifier.verify(identityKey, 7, preKey, signature(7, preKey))).isTrue();
    }

    @Test
    void rejectsASignatureForAnotherKeyId() {
        assertThat(SignedPreKeyVerifier.verify(identityKey, 8, preKey, signature(7, preKey))).isFalse();
    }

    @Test
    void rejectsASignatureOverAnotherPreKey() {
        assertThat(SignedPreKeyVerifier.verify(identityKey, 7, E2eeKeys.x25519PublicKey(), signature(7, preKey))).isFalse();
    }

    @Test
    void rejectsASignatureByAnotherIdentity() {
        byte[] otherIdentity = Base64.getDecoder().decode(E2eeKeys.generate().identityKey());

        assertThat(SignedPreKeyVerifier.verify(otherIdentity, 7, preKey, signature(7, preKey))).isFalse();
    }

    @Test
    void rejectsAFlippedSignatureBit() {
        byte[] signature = signature(7, preKey);
        signature[10] ^= 1;

        assertThat(SignedPreKeyVerifier.verify(identityKey, 7, preKey, signature)).isFalse();
    }

    @Test
    void rejectsAnIdentityKeyThatIsNotACurvePoint() {
        byte[] notAPoint = new byte[32];
        java.util.Arrays.fill(notAPoint, (byte) 0xff);

        assertThat(SignedPreKeyVerifier.verify(notAPoint, 7, preKey, signature(7, preKey))).isFalse();
    }

    private byte[] signature(int keyId, byte[] key) {
        return Base64.getDecoder().decode(device.sign(keyId, key));
    }
}
