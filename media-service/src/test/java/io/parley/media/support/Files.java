package io.parley.media.support;

import java.util.Arrays;
import java.util.Random;

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

    public static byte[] truncated(byte[] content, int size) {
        return Arrays.copyOf(content, size);
    }
}
