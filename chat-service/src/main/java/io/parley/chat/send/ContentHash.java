package io.parley.chat.send;

import io.parley.proto.chat.v1.SendRequest;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * A fingerprint of what a send says (content type and body), so a retry under the same client_msg_id can be
 * told from a different message that reuses it by mistake.
 */
final class ContentHash {

    private ContentHash() {
    }

    static long of(SendRequest request) {
        CRC32C crc = new CRC32C();
        crc.update(request.getContentType().getBytes(StandardCharsets.UTF_8));
        crc.update(0);
        crc.update(request.getBody().asReadOnlyByteBuffer());
        return (crc.getValue() << 32) | (request.getBody().size() & 0xffffffffL);
    }
}
