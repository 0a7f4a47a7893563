package io.parley.media.upload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /v1/media/uploads}: what the client is about to upload. {@code sha256} (lower-case hex), if given, is
 * checked at {@code complete}.
 */
public record UploadRequest(
        @NotBlank @Size(max = 200) String chatId,
        @NotBlank @Size(max = 100) String contentType,
        @NotNull @Positive Long size,
        @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lower-case hex digits") String sha256,
        @Size(max = 255) String fileName) {
}
