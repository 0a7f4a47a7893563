package io.parley.media.thumbnail;

/** An encoded thumbnail: JPEG for JPEG sources, PNG for PNG and GIF (they may be transparent). */
public record Thumbnail(byte[] bytes, String contentType, int width, int height) {
}
