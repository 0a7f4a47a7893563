package io.parley.media.library;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One media item as stored. {@code sha256} is the lower-case hex digest the uploader declared, if any;
 * {@code multipartUploadId} is S3's id of a multipart upload still in progress, if the file is large.
 */
public record MediaItem(UUID mediaId, UUID uploader, String chatId, String contentType, long size,
                        Optional<String> sha256, Optional<String> fileName, MediaState state, Instant createdAt,
                        Optional<String> multipartUploadId, long partSize, Set<String> sharedIn,
                        Optional<String> thumbnailType) {

    public MediaItem {
        sharedIn = Set.copyOf(sharedIn);
    }

    /** The object key in the bucket. */
    public String objectKey() {
        return objectKey(mediaId);
    }

    public static String objectKey(UUID mediaId) {
        return "media/" + mediaId;
    }

    /** The thumbnail's object key in the bucket. */
    public String thumbnailKey() {
        return "thumbnails/" + mediaId;
    }

    public boolean isUploadedBy(UUID userId) {
        return uploader.equals(userId);
    }
}
