package io.parley.media.upload;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and timings of uploads.
 *
 * @param maxSize            the largest file (S3 allows 5 GB in one PUT; above multipart-threshold parts are used)
 * @param allowedTypes       the content types a client may declare (lower case, no parameters)
 * @param dailyQuota         bytes one user may declare in upload requests per UTC day
 * @param uploadUrlTtl       how long a presigned upload URL is valid
 * @param multipartThreshold files larger than this are uploaded in parts
 * @param partSize           the size of every part but the last (S3: at least 5 MB)
 */
@Validated
@ConfigurationProperties("parley.media.uploads")
public record UploadSettings(
        @DefaultValue("100MB") @NotNull DataSize maxSize,
        @DefaultValue({"image/jpeg", "image/png", "image/gif", "image/webp", "video/mp4", "video/quicktime", "video/webm",
                "audio/mpeg", "audio/mp4", "audio/ogg", "audio/aac", "application/pdf", "application/zip",
                "application/octet-stream", "text/plain"})
        @NotEmpty(message = "must list at least one content type") List<String> allowedTypes,
        @DefaultValue("2GB") @NotNull DataSize dailyQuota,
        @DefaultValue("15m") @NotNull(message = "must be a duration, e.g. 15m") Duration uploadUrlTtl,
        @DefaultValue("16MB") @NotNull DataSize multipartThreshold,
        @DefaultValue("8MB") @NotNull DataSize partSize) {

    private static final long FIVE_GB = DataSize.ofGigabytes(5).toBytes();
    private static final long FIVE_MB = DataSize.ofMegabytes(5).toBytes();
    private static final int MAX_PARTS = 10_000;

    public UploadSettings {
        allowedTypes = allowedTypes == null ? null : List.copyOf(allowedTypes);
    }

    @AssertTrue(message = "max-size must be between 1 byte and 5GB")
    boolean isMaxSizeInRange() {
        return maxSize == null || (maxSize.toBytes() >= 1 && maxSize.toBytes() <= FIVE_GB);
    }

    @AssertTrue(message = "part-size must be at least 5MB (S3's smallest part) and max-size must fit in 10,000 parts")
    boolean isPartSizeUsable() {
        return partSize == null || maxSize == null
                || (partSize.toBytes() >= FIVE_MB && (maxSize.toBytes() + partSize.toBytes() - 1) / partSize.toBytes() <= MAX_PARTS);
    }

    @AssertTrue(message = "upload-url-ttl must be between 1s and 7d (S3's longest presigned URL)")
    boolean isUploadUrlTtlInRange() {
        return uploadUrlTtl == null || (uploadUrlTtl.compareTo(Duration.ofSeconds(1)) >= 0
                && uploadUrlTtl.compareTo(Duration.ofDays(7)) <= 0);
    }
}
