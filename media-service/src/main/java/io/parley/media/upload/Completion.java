package io.parley.media.upload;

import io.parley.media.error.MediaException;
import io.parley.media.library.MediaItem;
import io.parley.media.library.MediaState;
import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import io.parley.media.storage.StoredObject;
import io.parley.media.storage.UploadedPart;
import io.parley.media.thumbnail.Thumbnails;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * {@code complete}: the uploader says the bytes are in the store; this checks they are the bytes declared before the
 * item becomes READY. Missing or short (or, multipart, missing parts): INVALID_REQUEST with media_state
 * {@code not_uploaded}, the client may upload and call again. Another stored Content-Type or a signature of another
 * type: BAD_CONTENT_TYPE; another length or SHA-256: INVALID_REQUEST; both with media_state {@code rejected}: the
 * object is deleted and the item REJECTED. Completing a READY item again answers READY.
 */
public final class Completion {

    private final MediaStore store;
    private final MediaObjects objects;
    private final Thumbnails thumbnails;
    private final Clock clock;

    Completion(MediaStore store, MediaObjects objects, Thumbnails thumbnails, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.thumbnails = thumbnails;
        this.clock = clock;
    }

    public Mono<MediaView> complete(UUID caller, UUID mediaId) {
        return store.find(mediaId)
                .filter(item -> item.isUploadedBy(caller))
                .switchIfEmpty(Mono.error(MediaException::notFound))
                .flatMap(item -> switch (item.state()) {
                    case READY -> Mono.just(MediaView.of(item, MediaState.READY));
                    case REJECTED -> Mono.error(refused(ErrorReason.INVALID_REQUEST, "this upload was refused; request a new one"));
                    case PENDING -> assemble(item).then(Mono.defer(() -> check(item)));
                });
    }

    /** For a multipart upload: every part present with its planned size, then joined into one object. */
    private Mono<Void> assemble(MediaItem item) {
        if (item.multipartUploadId().isEmpty()) {
            return Mono.empty();
        }
        String uploadId = item.multipartUploadId().get();
        int count = PartLayout.count(item.size(), item.partSize());
        return objects.uploadedParts(item.objectKey(), uploadId)
                .collectList()
                .onErrorResume(failure -> objects.head(item.objectKey()).hasElement()
                        .flatMap(joined -> joined ? Mono.just(List.<UploadedPart>of()) : Mono.error(failure)))
                .flatMap(parts -> {
                    if (parts.isEmpty()) {
                        return Mono.empty(); // joined by an earlier complete that failed before marking the item READY
                    }
                    List<UploadedPart> planned = parts.stream()
                            .filter(part -> part.number() <= count
                                    && part.size() == PartLayout.sizeOf(part.number(), item.size(), item.partSize()))
                            .sorted(Comparator.comparingInt(UploadedPart::number))
                            .toList();
                    if (planned.size() != count) {
                        return Mono.error(notUploaded("not every part is uploaded yet"));
                    }
                    return objects.finishMultipart(item.objectKey(), uploadId, planned);
                });
    }

    private Mono<MediaView> check(MediaItem item) {
        return objects.head(item.objectKey())
                .switchIfEmpty(Mono.error(() -> notUploaded("nothing has been uploaded for this media yet")))
                .flatMap(stored -> checkStored(item, stored))
                .then(Mono.defer(() -> objects.firstBytes(item.objectKey(), MagicNumbers.HEAD_BYTES)))
                .flatMap(head -> MagicNumbers.fits(item.contentType(), head) ? Mono.<Void>empty()
                        : reject(item, ErrorReason.BAD_CONTENT_TYPE, "the file is not of type " + item.contentType()))
                .then(Mono.defer(() -> checkSha256(item)))
                .then(Mono.defer(() -> store.markReady(item.mediaId(), clock.instant())))
                .then(Mono.defer(() -> store.find(item.mediaId())))
                .flatMap(now -> now.state() == MediaState.READY
                        ? thumbnails.make(now).thenReturn(MediaView.of(now, MediaState.READY))
                        : Mono.error(refused(ErrorReason.INVALID_REQUEST, "this upload was refused; request a new one")));
    }

    private Mono<Void> checkStored(MediaItem item, StoredObject stored) {
        if (stored.size() < item.size()) {
            return Mono.error(notUploaded("the upload is incomplete: " + stored.size() + " of " + item.size() + " bytes"));
        }
        if (stored.size() != item.size()) {
            return reject(item, ErrorReason.INVALID_REQUEST, "the upload has " + stored.size() + " bytes, " + item.size() + " were declared");
        }
        if (!item.contentType().equals(stored.contentType())) {
            return reject(item, ErrorReason.BAD_CONTENT_TYPE, "the upload was stored with another content type");
        }
        return Mono.empty();
    }

    private Mono<Void> checkSha256(MediaItem item) {
        return item.sha256().map(declared -> objects.sha256(item.objectKey())
                        .flatMap(actual -> actual.equals(declared) ? Mono.<Void>empty()
                                : reject(item, ErrorReason.INVALID_REQUEST, "the SHA-256 of the upload is not the one declared")))
                .orElseGet(Mono::empty);
    }

    private Mono<Void> reject(MediaItem item, ErrorReason reason, String why) {
        return objects.delete(item.objectKey())
                .then(store.markRejected(item.mediaId()))
                .then(Mono.error(refused(reason, why)));
    }

    private static MediaException refused(ErrorReason reason, String message) {
        return MediaException.inState("rejected", reason, message);
    }

    private static MediaException notUploaded(String message) {
        return MediaException.inState("not_uploaded", ErrorReason.INVALID_REQUEST, message);
    }
}
