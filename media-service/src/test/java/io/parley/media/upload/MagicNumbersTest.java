package io.parley.media.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.support.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MagicNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "image/jpeg, FFD8FFE000104A46",
            "image/png, 89504E470D0A1A0A",
            "image/gif, 4749463839610100",
            "image/webp, 524946462400000057454250",
            "video/mp4, 0000002066747970",
            "video/webm, 1A45DFA3",
            "audio/mpeg, 494433",
            "audio/ogg, 4F676753",
            "application/pdf, 255044462D312E37",
            "application/zip, 504B0304"})
    void aFileStartingWithItsTypesSignatureFits(String type, String hex) {
        assertThat(MagicNumbers.fits(type, java.util.HexFormat.of().parseHex(hex))).isTrue();
    }

    @Test
    void aZipDeclaredAsPngDoesNotFit() {
        assertThat(MagicNumbers.fits("image/png", Files.zip(16))).isFalse();
    }

    @Test
    void aFileShorterThanTheSignatureDoesNotFit() {
        assertThat(MagicNumbers.fits("image/png", new byte[] {(byte) 0x89, 'P'})).isFalse();
    }

    @Test
    void typesWithoutASignatureTakeAnyBytesSoCiphertextCanBeUploaded() {
        assertThat(MagicNumbers.fits("application/octet-stream", Files.zip(16))).isTrue();
        assertThat(MagicNumbers.fits("text/plain", Files.png(16))).isTrue();
    }
}
