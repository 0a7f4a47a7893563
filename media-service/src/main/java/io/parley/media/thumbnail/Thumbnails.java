package io.parley.media.thumbnail;

import io.parley.media.library.MediaItem;
import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Makes and stores the thumbnail of a completed image (JPEG, PNG, GIF up to {@link ThumbnailSettings#maxSourceSize()}).
 * A thumbnail is a convenience: failing to make one is logged and leaves the item without one. Media an E2EE client
 * uploaded is opaque ({@code application/octet-stream}) and gets none; its thumbnail travels encrypted in the message.
 */
public final class Thumbnails {

    private static final Logger log = LoggerFactory.getLogger(Thumbnails.class);

    private final MediaObjects objects;
    private final MediaStore store;
    private final Thumbnailer thumbnailer;
    private final long maxSourceBytes;

    Thumbnails(MediaObjects objects, MediaStore store, ThumbnailSettings settings) {
        this.objects = objects;
        this.store = store;
        this.thumbnailer = new Thumbnailer(settings.maxSide());
        this.maxSourceBytes = settings.maxSourceSize().toBytes();
    }

    /** Completes when the thumbnail is stored, or when there is none to make. Never fails. */
    public Mono<Void> make(MediaItem item) {
        if (!Thumbnailer.supports(item.contentType()) || item.size() > maxSourceBytes) {
            return Mono.empty();
        }
        return objects.bytes(item.objectKey())
                .publishOn(Schedulers.boundedElastic())
                .flatMap(image -> Mono.fromCallable(() -> thumbnailer.of(image, item.contentType())))
                .flatMap(made -> made.map(thumbnail -> objects.put(item.thumbnailKey(), thumbnail.contentType(), thumbnail.bytes())
                                .then(store.recordThumbnail(item.mediaId(), thumbnail.contentType())))
                        .orElseGet(Mono::empty))
                .onErrorResume(failure -> {
                    log.warn("No thumbnail for media {}: {}", item.mediaId(), failure.toString());
                    return Mono.empty();
                });
    }
}
