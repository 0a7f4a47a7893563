package io.parley.push.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.push.support.WebPushDecryption;
import io.parley.push.support.WebPushKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Aes128GcmTest {

    private static byte[] b64(String value) {
        return Base64.getUrlDecoder().decode(value);
    }

    /** RFC 8291, Appendix A: the same keys, secret and salt give the same body, byte for byte. */
    @Test
    void reproducesRfc8291sTestVector() throws Exception {
        byte[] plaintext = "When I grow up, I want to be a watermelon".getBytes(StandardCharsets.US_ASCII);
        byte[] asPublic = b64("BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
        byte[] asPrivate = b64("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
        byte[] uaPublic = b64("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        byte[] salt = b64("DGv6ra1nlYgDCS1FRnbzlw");
        byte[] auth = b64("BTBZMqHH6r4Tts7J_aSIgg");
        KeyPair ephemeral = new KeyPair(P256.publicKey(asPublic), P256.privateKey(asPrivate));

        byte[] body = Aes128Gcm.encrypt(plaintext, uaPublic, auth, ephemeral, salt);

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(
                "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK"
                        + "6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN");
    }

    @Test
    void theSubscriptionsPrivateKeyDecryptsWhatWasEncryptedForIt() throws Exception {
        WebPushKeys browser = WebPushKeys.generate();
        byte[] plaintext = "{\"chat_id\":\"d:a:b\"}".getBytes(StandardCharsets.UTF_8);

        byte[] body = Aes128Gcm.encrypt(plaintext, browser.publicKeyBytes(), browser.auth());

        assertThat(WebPushDecryption.decrypt(body, browser)).isEqualTo(plaintext);
    }

    @Test
    void twoEncryptionsOfOnePayloadDiffer() throws Exception {
        WebPushKeys browser = WebPushKeys.generate();
        byte[] plaintext = "same".getBytes(StandardCharsets.UTF_8);

        assertThat(Aes128Gcm.encrypt(plaintext, browser.publicKeyBytes(), browser.auth()))
                .isNotEqualTo(Aes128Gcm.encrypt(plaintext, browser.publicKeyBytes(), browser.auth()));
    }
}
