package io.parley.media.download;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /v1/media/{id}}: where to fetch the file, until when, and what it is. */
public record DownloadLink(UUID mediaId, URI url, Instant expiresAt, String contentType, long size) {
}
