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

    /**
     * A real lossless WebP (VP8L in the extended VP8X container) of {@code width}×{@code height} pixels: the left half
     * red, the right half blue, followed by an EXIF chunk holding {@link #EXIF_SECRET}. Encoded here, bit by bit, so
     * the tests need no encoder: with no transforms and no color cache, every channel has a "simple" prefix code of
     * one or two symbols, so each pixel costs two bits (red or not, blue or not).
     */
    public static byte[] webpWithExif(int width, int height) {
        Bits bits = new Bits();
        bits.write(0x2f, 8);
        bits.write(width - 1, 14);
        bits.write(height - 1, 14);
        bits.write(0, 1); // alpha not used
        bits.write(0, 3); // version 0
        bits.write(0, 1); // no transform
        bits.write(0, 1); // no color cache
        bits.write(0, 1); // no meta prefix codes
        simpleCode(bits, 0);         // green: always 0
        simpleCode(bits, 0, 255);    // red: bit 0 → 0, bit 1 → 255
        simpleCode(bits, 0, 255);    // blue
        simpleCode(bits, 255);       // alpha: always opaque
        simpleCode(bits, 0);         // distance: never used
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean left = x < width / 2;
                bits.write(left ? 1 : 0, 1);
                bits.write(left ? 0 : 1, 1);
            }
        }
        ByteArrayOutputStream vp8x = new ByteArrayOutputStream();
        vp8x.write(0x08); // EXIF present
        vp8x.writeBytes(new byte[3]);
        writeLittleEndian(vp8x, width - 1, 3);
        writeLittleEndian(vp8x, height - 1, 3);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        chunk(chunks, "VP8X", vp8x.toByteArray());
        chunk(chunks, "VP8L", bits.bytes());
        chunk(chunks, "EXIF", ("MM\0*" + EXIF_SECRET).getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream riff = new ByteArrayOutputStream();
        riff.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeLittleEndian(riff, chunks.size(), 4);
        riff.writeBytes(chunks.toByteArray());
        return riff.toByteArray();
    }

    /** A VP8L "simple" prefix code of one or two 8-bit symbols (a single symbol costs no bits per pixel). */
    private static void simpleCode(Bits bits, int... symbols) {
        bits.write(1, 1);
        bits.write(symbols.length - 1, 1);
        bits.write(1, 1); // the first symbol takes 8 bits
        for (int symbol : symbols) {
            bits.write(symbol, 8);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String fourCc, byte[] payload) {
        out.writeBytes(fourCc.getBytes(StandardCharsets.US_ASCII));
        writeLittleEndian(out, payload.length, 4);
        out.writeBytes(payload);
        if (payload.length % 2 == 1) {
            out.write(0);
        }
    }

    private static void writeLittleEndian(ByteArrayOutputStream out, int value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write(value >>> (8 * i));
        }
    }

    /** Bits packed least significant first, as VP8L reads them. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int used;

        void write(int value, int count) {
            for (int i = 0; i < count; i++) {
                current |= ((value >>> i) & 1) << used;
                if (++used == 8) {
                    out.write(current);
                    current = 0;
                    used = 0;
                }
            }
        }

        byte[] bytes() {
            if (used > 0) {
                out.write(current);
                current = 0;
                used = 0;
            }
            return out.toByteArray();
        }
    }

    public static boolean contains(byte[] content, String ascii) {
        return new String(content, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    public static byte[] truncated(byte[] content, int size) {
        return Arrays.copyOf(content, size);
    }
}
