package io.parley.media.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.parley.media.storage.PresignedUrl;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an upload request: the new media id and either one presigned {@code upload} (a PUT) or, for a file
 * over the multipart threshold, {@code parts}: one presigned PUT per part, each retriable alone. Either way the
 * client then calls {@code POST /v1/media/{media_id}/complete}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadOffer(UUID mediaId, PresignedUrl upload,
                          Long partSize, List<PresignedUrl> parts) {

    static UploadOffer single(UUID mediaId, PresignedUrl upload) {
        return new UploadOffer(mediaId, upload, null, null);
    }

    static UploadOffer multipart(UUID mediaId, long partSize, List<PresignedUrl> parts) {
        return new UploadOffer(mediaId, null, partSize, List.copyOf(parts));
    }
}
