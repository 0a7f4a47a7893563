package io.parley.media.thumbnail;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxSide      the longest side of a thumbnail in pixels
 * @param maxSourceSize images larger than this get no thumbnail (the source is read into memory to decode it)
 */
@Validated
@ConfigurationProperties("parley.media.thumbnails")
public record ThumbnailSettings(
        @DefaultValue("320") @Min(value = 16, message = "must be at least 16") @Max(value = 2048, message = "must be at most 2048")
        int maxSide,
        @DefaultValue("25MB") @NotNull DataSize maxSourceSize) {
}
