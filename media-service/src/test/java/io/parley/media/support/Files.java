package io.parley.media.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;

/** Bytes that start like real files of a type, for the magic-number checks. */
public final class Files {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private Files() {
    }

    public static byte[] png(int size) {
        return startingWith(PNG, size);
    }

    public static byte[] zip(int size) {
        return startingWith(ZIP, size);
    }

    public static byte[] startingWith(byte[] signature, int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        System.arraycopy(signature, 0, content, 0, signature.length);
        return content;
    }

    /** Marks the EXIF segment {@link #jpegWithExif} adds, as a camera's GPS position would be in it. */
    public static final String EXIF_SECRET = "GPS 52.5200N 13.4050E";

    /**
     * A real JPEG of {@code width}×{@code height} pixels with an EXIF (APP1) segment right after the start marker,
     * holding {@link #EXIF_SECRET}.
     */
    public static byte[] jpegWithExif(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.ORANGE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLUE);
        graphics.fillOval(width / 4, height / 4, width / 2, height / 2);
        graphics.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] plain = jpeg.toByteArray();
        byte[] payload = ("Exif\0\0" + EXIF_SECRET).getBytes(StandardCharsets.ISO_8859_1);
        byte[] app1 = new byte[4 + payload.length];
        app1[0] = (byte) 0xFF;
        app1[1] = (byte) 0xE1;
        app1[2] = (byte) ((payload.length + 2) >> 8);
        app1[3] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, app1, 4, payload.length);
        byte[] withExif = new byte[plain.length + app1.length];
        System.arraycopy(plain, 0, withExif, 0, 2);
        System.arraycopy(app1, 0, withExif, 2, app1.length);
        System.arraycopy(plain, 2, withExif, 2 + app1.length, plain.length - 2);
        return withExif;
    }

    public static boolean contains(byte[] content, String ascii) {
        return new String(content, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    public static byte[] truncated(byte[] content, int size) {
        return Arrays.copyOf(content, size);
    }
}
