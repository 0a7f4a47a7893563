package io.parley.media.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The S3-compatible store media lives in. Credentials come from the environment (a Kubernetes
 * secret in production) and are never logged: {@link #toString()} hides them.
 */
@Validated
@ConfigurationProperties("parley.media.s3")
public record MediaStorageSettings(
        @NotNull(message = "must be the S3 endpoint URL") URI endpoint,
        @NotBlank(message = "must name the S3 region") String region,
        @NotBlank(message = "must be set (from a secret)") String accessKey,
        @NotBlank(message = "must be set (from a secret)") String secretKey,
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "must be a legal S3 bucket name")
        String bucket,
        boolean createBucket) {

    @Override
    public String toString() {
        return "MediaStorageSettings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + "]";
    }
}
