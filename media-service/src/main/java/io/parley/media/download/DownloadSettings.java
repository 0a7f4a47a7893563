package io.parley.media.download;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param urlTtl how long a presigned download URL is valid: short, because whoever holds the URL can fetch the file
 *               until it expires, member or not
 */
@Validated
@ConfigurationProperties("parley.media.downloads")
public record DownloadSettings(@DefaultValue("5m") @NotNull(message = "must be a duration, e.g. 5m") Duration urlTtl) {

    @AssertTrue(message = "url-ttl must be between 1s and 1h")
    boolean isUrlTtlInRange() {
        return urlTtl == null || (urlTtl.compareTo(Duration.ofSeconds(1)) >= 0 && urlTtl.compareTo(Duration.ofHours(1)) <= 0);
    }
}
