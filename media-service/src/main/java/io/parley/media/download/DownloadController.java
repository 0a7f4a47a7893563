package io.parley.media.download;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.media.error.MediaException;
import io.parley.media.library.MediaAccess;
import io.parley.media.library.MediaIds;
import io.parley.media.storage.MediaObjects;
import io.parley.media.storage.PresignedUrl;
import io.parley.proto.error.v1.ErrorReason;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /v1/media/{mediaId}} and {@code GET /v1/media/{mediaId}/thumbnail}: a short-lived presigned GET, for
 * the uploader and members of a chat the item was shared in ({@link MediaAccess}); anyone else gets 404 as for an
 * unknown id.
 */
@RestController
class DownloadController {

    private final MediaAccess access;
    private final MediaObjects objects;
    private final DownloadSettings settings;

    DownloadController(MediaAccess access, MediaObjects objects, DownloadSettings settings) {
        this.access = access;
        this.objects = objects;
        this.settings = settings;
    }

    @GetMapping("/v1/media/{mediaId}")
    Mono<DownloadLink> download(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String mediaId) {
        return Mono.defer(() -> access.readyFor(caller.userId(), MediaIds.parse("media_id", mediaId)))
                .map(item -> {
                    PresignedUrl get = objects.presignGet(item.objectKey(), settings.urlTtl());
                    return new DownloadLink(item.mediaId(), get.url(), get.expiresAt(), item.contentType(), item.size());
                });
    }

    /** The thumbnail of an image, for whoever may download the image; 404 when it has none. */
    @GetMapping("/v1/media/{mediaId}/thumbnail")
    Mono<DownloadLink> thumbnail(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String mediaId) {
        return Mono.defer(() -> access.readyFor(caller.userId(), MediaIds.parse("media_id", mediaId)))
                .flatMap(item -> item.thumbnailType()
                        .map(type -> {
                            PresignedUrl get = objects.presignGet(item.thumbnailKey(), settings.urlTtl());
                            return Mono.just(new DownloadLink(item.mediaId(), get.url(), get.expiresAt(), type, null));
                        })
                        .orElseGet(() -> Mono.error(new MediaException(ErrorReason.NOT_FOUND, "this media has no thumbnail"))));
    }
}
