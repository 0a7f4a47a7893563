package io.parley.media.upload;

/** How a file of a given size is cut into parts: all of {@code partSize} bytes but the last. Parts count from 1. */
final class PartLayout {

    private PartLayout() {
    }

    static int count(long size, long partSize) {
        return Math.toIntExact((size + partSize - 1) / partSize);
    }

    static long sizeOf(int number, long size, long partSize) {
        return number < count(size, partSize) ? partSize : size - (number - 1) * partSize;
    }
}
