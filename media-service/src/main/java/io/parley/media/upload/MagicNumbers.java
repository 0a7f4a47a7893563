package io.parley.media.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Whether the first bytes of a file are what its declared content type starts with, so a client cannot store a ZIP
 * as an "image/png" that other members' apps would then hand to an image decoder. Types without a signature
 * ({@code application/octet-stream}, which E2EE clients use for ciphertext, and {@code text/plain}) accept any
 * bytes.
 */
final class MagicNumbers {

    /** Enough for every signature below. */
    static final int HEAD_BYTES = 16;

    private static final Map<String, Predicate<byte[]>> SIGNATURES = Map.ofEntries(
            Map.entry("image/jpeg", head -> startsWith(head, 0, 0xFF, 0xD8, 0xFF)),
            Map.entry("image/png", head -> startsWith(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
            Map.entry("image/gif", head -> startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a")),
            Map.entry("image/webp", head -> startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")),
            Map.entry("video/mp4", MagicNumbers::isoMedia),
            Map.entry("video/quicktime", MagicNumbers::isoMedia),
            Map.entry("audio/mp4", MagicNumbers::isoMedia),
            Map.entry("video/webm", head -> startsWith(head, 0, 0x1A, 0x45, 0xDF, 0xA3)),
            Map.entry("audio/mpeg", head -> startsWith(head, 0, "ID3") || mpegFrameSync(head)),
            Map.entry("audio/ogg", head -> startsWith(head, 0, "OggS")),
            Map.entry("audio/aac", MagicNumbers::adts),
            Map.entry("application/pdf", head -> startsWith(head, 0, "%PDF-")),
            Map.entry("application/zip", head -> startsWith(head, 0, 'P', 'K', 3, 4) || startsWith(head, 0, 'P', 'K', 5, 6)));

    private MagicNumbers() {
    }

    /** Whether {@code head} (the file's first bytes, up to {@link #HEAD_BYTES}) fits {@code contentType}. */
    static boolean fits(String contentType, byte[] head) {
        return SIGNATURES.getOrDefault(contentType, any -> true).test(head);
    }

    /** ISO base media files (MP4, MOV, M4A) have a box of type "ftyp" first. */
    private static boolean isoMedia(byte[] head) {
        return startsWith(head, 4, "ftyp");
    }

    private static boolean mpegFrameSync(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0;
    }

    private static boolean adts(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xF6) == 0xF0;
    }

    private static boolean startsWith(byte[] head, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean startsWith(byte[] head, int offset, int... expected) {
        if (head.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((head[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
