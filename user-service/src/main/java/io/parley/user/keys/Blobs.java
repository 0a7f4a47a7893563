package io.parley.user.keys;

import java.nio.ByteBuffer;

/** Cassandra blobs arrive as ByteBuffers; keys are handled as byte arrays. */
final class Blobs {

    private Blobs() {
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    static ByteBuffer buffer(byte[] bytes) {
        return ByteBuffer.wrap(bytes);
    }
}
