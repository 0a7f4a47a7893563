package io.parley.media.thumbnail;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.media.support.Files;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailerTest {

    private final Thumbnailer thumbnailer = new Thumbnailer(320);

    @Test
    void aJpegIsScaledToTheLongSideWithoutItsExif() throws IOException {
        byte[] source = Files.jpegWithExif(1200, 900);
        assertThat(Files.contains(source, Files.EXIF_SECRET)).as("the source carries the EXIF segment").isTrue();

        Thumbnail thumbnail = thumbnailer.of(source, "image/jpeg").orElseThrow();

        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.height()).isEqualTo(240);
        assertThat(Files.contains(thumbnail.bytes(), "Exif")).isFalse();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(320);
    }

    @Test
    void aTransparentPngStaysAPngAndASmallImageIsNotEnlarged() throws IOException {
        Thumbnail thumbnail = thumbnailer.of(png(new BufferedImage(100, 50, BufferedImage.TYPE_INT_ARGB)), "image/png").orElseThrow();

        assertThat(thumbnail.contentType()).isEqualTo("image/png");
        assertThat(thumbnail.width()).isEqualTo(100);
        assertThat(thumbnail.height()).isEqualTo(50);
    }

    @Test
    void anImageClaimingBillionsOfPixelsIsNotDecoded() throws IOException {
        byte[] bomb = png(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        // IHDR's width and height (bytes 16..23) say 100,000 × 100,000; its CRC is fixed up so the header is valid
        ByteBuffer.wrap(bomb).putInt(16, 100_000).putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(bomb, 12, 17);
        ByteBuffer.wrap(bomb).putInt(29, (int) crc.getValue());

        assertThat(thumbnailer.of(bomb, "image/png")).isEmpty();
    }

    @Test
    void aWebpIsDecodedAndScaledWithoutItsExif() throws IOException {
        byte[] source = Files.webpWithExif(1000, 500);
        assertThat(Files.contains(source, Files.EXIF_SECRET)).as("the source carries the EXIF chunk").isTrue();

        Thumbnail thumbnail = thumbnailer.of(source, "image/webp").orElseThrow();

        assertThat(thumbnail.contentType()).isEqualTo("image/jpeg");
        assertThat(thumbnail.width()).isEqualTo(320);
        assertThat(thumbnail.height()).isEqualTo(160);
        assertThat(Files.contains(thumbnail.bytes(), Files.EXIF_SECRET)).isFalse();
        assertThat(Files.contains(thumbnail.bytes(), "Exif")).isFalse();
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(decoded.getWidth()).isEqualTo(320);
        // the pixels survived: red on the left, blue on the right (JPEG is lossy, so roughly)
        assertThat(new Color(decoded.getRGB(40, 80))).satisfies(left -> {
            assertThat(left.getRed()).isGreaterThan(200);
            assertThat(left.getBlue()).isLessThan(60);
        });
        assertThat(new Color(decoded.getRGB(280, 80))).satisfies(right -> {
            assertThat(right.getBlue()).isGreaterThan(200);
            assertThat(right.getRed()).isLessThan(60);
        });
    }

    @Test
    void otherTypesGetNoThumbnail() throws IOException {
        assertThat(Thumbnailer.supports("image/webp")).isTrue();
        assertThat(Thumbnailer.supports("video/mp4")).isFalse();
        assertThat(thumbnailer.of(Files.png(100), "application/octet-stream")).isEmpty();
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
