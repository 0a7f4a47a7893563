package io.parley.media.sweep;

import io.parley.media.library.MediaItem;
import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes media nobody can see but the uploader: items never shared into a chat (the upload was never completed, or
 * completed but never sent) once they are {@link SweepSettings#maxAge()} old. It walks the media_by_hour index from
 * the oldest hour in the lookback to the hour max-age ago; a shared item leaves the index (it is never swept).
 * Deleting is idempotent: object, thumbnail, an unfinished multipart upload, the row and its index entry each may
 * already be gone. An item shared in the instant it is swept may lose the race and be deleted (docs/media.md).
 */
public final class MediaSweeper {

    private static final Duration HOUR = Duration.ofHours(1);

    private final MediaStore store;
    private final MediaObjects objects;
    private final Clock clock;
    private final SweepSettings settings;

    MediaSweeper(MediaStore store, MediaObjects objects, Clock clock, SweepSettings settings) {
        this.store = store;
        this.objects = objects;
        this.clock = clock;
        this.settings = settings;
    }

    /** One sweep; the number of items deleted. */
    public Mono<Long> sweep() {
        Instant cutoff = clock.instant().minus(settings.maxAge());
        Instant first = MediaStore.hourOf(cutoff.minus(settings.lookback()));
        Instant last = MediaStore.hourOf(cutoff);
        return Flux.<Instant, Instant>generate(() -> first, (hour, sink) -> {
                    sink.next(hour);
                    if (!hour.isBefore(last)) {
                        sink.complete();
                    }
                    return hour.plus(HOUR);
                })
                .concatMap(hour -> store.requestedIn(hour).concatMap(id -> visit(hour, id, cutoff)))
                .filter(deleted -> deleted)
                .count();
    }

    private Mono<Boolean> visit(Instant hour, UUID mediaId, Instant cutoff) {
        return store.find(mediaId)
                .flatMap(item -> {
                    if (!item.sharedIn().isEmpty()) {
                        return store.unindex(hour, mediaId).thenReturn(false);
                    }
                    return item.createdAt().isAfter(cutoff) ? Mono.just(false) : delete(item).thenReturn(true);
                })
                .switchIfEmpty(Mono.defer(() -> store.unindex(hour, mediaId).thenReturn(false)));
    }

    private Mono<Void> delete(MediaItem item) {
        Mono<Void> multipart = item.multipartUploadId()
                .map(uploadId -> objects.abortMultipart(item.objectKey(), uploadId))
                .orElseGet(Mono::empty);
        return multipart
                .then(objects.delete(item.objectKey()))
                .then(objects.delete(item.thumbnailKey()))
                .then(store.delete(item.mediaId(), item.createdAt()));
    }
}
