package io.parley.media.upload;

import io.parley.media.library.MediaItem;
import io.parley.media.library.MediaState;
import java.util.UUID;

/** A media item as its uploader sees it after {@code complete}. */
public record MediaView(UUID mediaId, MediaState state, String contentType, long size) {

    static MediaView of(MediaItem item, MediaState state) {
        return new MediaView(item.mediaId(), state, item.contentType(), item.size());
    }
}
