package io.parley.media.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A request a client makes straight to the store: the URL carries the signature, and {@code headers} must be sent
 * exactly as given (they are signed: another Content-Length or Content-Type makes the store refuse it).
 */
public record PresignedUrl(String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public PresignedUrl {
        headers = Map.copyOf(headers);
    }
}
