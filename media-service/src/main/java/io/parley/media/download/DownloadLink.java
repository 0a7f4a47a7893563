package io.parley.media.download;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** {@code GET /v1/media/{id}} (and {@code .../thumbnail}): where to fetch the file, until when, and what it is. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DownloadLink(UUID mediaId, URI url, Instant expiresAt, String contentType, Long size) {
}
