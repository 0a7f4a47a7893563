package io.parley.media.thumbnail;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Scales an image down to at most {@code maxSide} pixels on its long side. The thumbnail is a new image encoded from
 * pixels only, so nothing of the source's metadata (EXIF with GPS position, camera, comments) survives. The
 * dimensions are read before any pixel is decoded, and huge images are decoded subsampled, so a small file that
 * claims a giant size (a decompression bomb) costs no memory. Blocking and CPU-bound: call it off the event loop.
 */
final class Thumbnailer {

    private static final String WEBP = "jpeg or png";
    /**
     * What is decoded, and the thumbnail's format: the JDK's ImageIO decodes JPEG, PNG and GIF; WebP is decoded by
     * TwelveMonkeys' ImageIO plugin (imageio-webp) and thumbnailed as JPEG, or PNG when it has transparency.
     */
    private static final Map<String, String> OUTPUT_FORMAT = Map.of("image/jpeg", "jpeg", "image/png", "png", "image/gif", "png",
            "image/webp", WEBP);
    private static final long MAX_SOURCE_PIXELS = 100_000_000;

    static {
        // Registers the plugins on this class loader's classpath (the WebP reader), also inside the packaged jar.
        ImageIO.scanForPlugins();
    }

    private final int maxSide;

    Thumbnailer(int maxSide) {
        this.maxSide = maxSide;
    }

    static boolean supports(String contentType) {
        return OUTPUT_FORMAT.containsKey(contentType);
    }

    /** The thumbnail of {@code image}, or empty if it cannot be decoded or is too large to decode at all. */
    Optional<Thumbnail> of(byte[] image, String contentType) throws IOException {
        String format = OUTPUT_FORMAT.get(contentType);
        if (format == null) {
            return Optional.empty();
        }
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if ((long) width * height > MAX_SOURCE_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (2 * maxSide));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage thumbnail = scaled(reader.read(0, param));
                boolean webp = WEBP.equals(format);
                return Optional.of(encode(thumbnail, webp ? (thumbnail.getColorModel().hasAlpha() ? "png" : "jpeg") : format));
            } finally {
                reader.dispose();
            }
        }
    }

    private BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) maxSide / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(source.getHeight() * factor));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(source, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return target;
    }

    private static Thumbnail encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return new Thumbnail(out.toByteArray(), "jpeg".equals(format) ? "image/jpeg" : "image/png", image.getWidth(), image.getHeight());
    }
}
