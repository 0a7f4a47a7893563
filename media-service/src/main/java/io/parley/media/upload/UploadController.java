package io.parley.media.upload;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.media.library.MediaIds;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /v1/media/uploads} (an upload offer: media id and presigned PUT or part PUTs) and
 * {@code POST /v1/media/{mediaId}/complete} (check the uploaded bytes, mark the item ready). docs/media.md.
 */
@RestController
class UploadController {

    private final Uploads uploads;
    private final Completion completion;

    UploadController(Uploads uploads, Completion completion) {
        this.uploads = uploads;
        this.completion = completion;
    }

    @PostMapping("/v1/media/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<UploadOffer> offer(@AuthenticationPrincipal ParleyPrincipal caller, @Valid @RequestBody UploadRequest request) {
        return uploads.offer(caller.userId(), request);
    }

    @PostMapping("/v1/media/{mediaId}/complete")
    Mono<MediaView> complete(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String mediaId) {
        return Mono.defer(() -> completion.complete(caller.userId(), MediaIds.parse("media_id", mediaId)));
    }
}
