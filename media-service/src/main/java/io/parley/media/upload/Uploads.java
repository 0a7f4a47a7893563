package io.parley.media.upload;

import io.parley.media.chats.ChatMembershipClient;
import io.parley.media.error.MediaException;
import io.parley.media.library.MediaItem;
import io.parley.media.library.MediaState;
import io.parley.media.library.MediaStore;
import io.parley.media.storage.MediaObjects;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import reactor.core.publisher.Mono;

/**
 * Offers uploads: checks the declared file against the limits, the uploader's membership of the chat and the daily
 * quota, records the item as PENDING and presigns the PUT (or, above the multipart threshold, one PUT per part).
 */
public final class Uploads {

    private final UploadSettings settings;
    private final ChatMembershipClient chats;
    private final UploadQuota quota;
    private final MediaStore store;
    private final MediaObjects objects;
    private final Clock clock;

    Uploads(UploadSettings settings, ChatMembershipClient chats, UploadQuota quota, MediaStore store,
            MediaObjects objects, Clock clock) {
        this.settings = settings;
        this.chats = chats;
        this.quota = quota;
        this.store = store;
        this.objects = objects;
        this.clock = clock;
    }

    public Mono<UploadOffer> offer(UUID uploader, UploadRequest request) {
        if (!settings.allowedTypes().contains(request.contentType())) {
            return Mono.error(new MediaException(ErrorReason.BAD_CONTENT_TYPE,
                    "content type " + request.contentType() + " is not accepted; accepted: " + settings.allowedTypes()));
        }
        long maxBytes = settings.maxSize().toBytes();
        if (request.size() > maxBytes) {
            return Mono.error(new MediaException(ErrorReason.BODY_TOO_LARGE, "a file may have at most " + maxBytes + " bytes",
                    Map.of("max_bytes", Long.toString(maxBytes))));
        }
        return chats.isMember(uploader, request.chatId())
                .flatMap(member -> member ? quota.take(uploader, request.size())
                        : Mono.error(new MediaException(ErrorReason.NOT_A_MEMBER, "you are not a member of this chat")))
                .then(Mono.defer(() -> record(uploader, request)));
    }

    private Mono<UploadOffer> record(UUID uploader, UploadRequest request) {
        UUID mediaId = UUID.randomUUID();
        String key = MediaItem.objectKey(mediaId);
        boolean multipart = request.size() > settings.multipartThreshold().toBytes();
        long partSize = settings.partSize().toBytes();
        Mono<Optional<String>> uploadId = multipart
                ? objects.startMultipart(key, request.contentType()).map(Optional::of)
                : Mono.just(Optional.empty());
        return uploadId.flatMap(id -> {
            MediaItem item = new MediaItem(mediaId, uploader, request.chatId(), request.contentType(), request.size(),
                    Optional.ofNullable(request.sha256()), Optional.ofNullable(request.fileName()), MediaState.PENDING,
                    clock.instant(), id, multipart ? partSize : 0, Set.of(), Optional.empty());
            return store.insert(item).thenReturn(id.map(s3UploadId -> multipartOffer(item, s3UploadId))
                    .orElseGet(() -> UploadOffer.single(mediaId, objects.presignPut(key, request.contentType(),
                            request.size(), settings.uploadUrlTtl()))));
        });
    }

    private UploadOffer multipartOffer(MediaItem item, String uploadId) {
        long partSize = item.partSize();
        int count = PartLayout.count(item.size(), partSize);
        return UploadOffer.multipart(item.mediaId(), partSize, IntStream.rangeClosed(1, count)
                .mapToObj(number -> objects.presignPart(item.objectKey(), uploadId, number,
                        PartLayout.sizeOf(number, item.size(), partSize), settings.uploadUrlTtl()))
                .toList());
    }
}
