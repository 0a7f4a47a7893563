package io.parley.user.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningKeyCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes(StandardCharsets.US_ASCII));
    private final byte[] secret = "PKCS#8 private key bytes".getBytes(StandardCharsets.US_ASCII);

    @Test
    void decryptsWhatItEncryptedForTheSameKid() {
        SigningKeyCipher cipher = new SigningKeyCipher(KEY);

        byte[] sealed = cipher.encrypt(secret, "kid-1");

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
        assertThat(cipher.decrypt(sealed, "kid-1")).isEqualTo(secret);
    }

    @Test
    void refusesACiphertextMovedToAnotherKid() {
        SigningKeyCipher cipher = new SigningKeyCipher(KEY);

        byte[] sealed = cipher.encrypt(secret, "kid-1");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "kid-2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kid-2").hasMessageNotContaining(KEY);
    }

    @Test
    void refusesToDecryptWithAnotherEncryptionKey() {
        byte[] sealed = new SigningKeyCipher(KEY).encrypt(secret, "kid-1");

        assertThatThrownBy(() -> new SigningKeyCipher(OTHER_KEY).decrypt(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("encryption-key");
    }

    @Test
    void usesAFreshNonceEveryTime() {
        SigningKeyCipher cipher = new SigningKeyCipher(KEY);

        assertThat(cipher.encrypt(secret, "kid-1")).isNotEqualTo(cipher.encrypt(secret, "kid-1"));
    }
}
