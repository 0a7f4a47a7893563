package io.parley.user.keys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Request bodies of the key endpoints. */
final class KeyUploads {

    private KeyUploads() {
    }

    /** {@code PUT /v1/users/{u}/devices/{d}/keys}: the device's identity key and current signed prekey. */
    record IdentityKeys(
            @NotNull(message = "is required") @Pattern(regexp = KeyFormats.KEY_32, message = KeyFormats.KEY_32_MESSAGE)
            String identityKey,
            @Valid @NotNull(message = "is required") SignedPreKeyBody signedPreKey) {
    }

    record SignedPreKeyBody(
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer keyId,
            @NotNull(message = "is required") @Pattern(regexp = KeyFormats.KEY_32, message = KeyFormats.KEY_32_MESSAGE)
            String publicKey,
            @NotNull(message = "is required") @Pattern(regexp = KeyFormats.SIGNATURE_64, message = KeyFormats.SIGNATURE_64_MESSAGE)
            String signature) {
    }

    /** {@code POST /v1/users/{u}/devices/{d}/keys/one-time}: a batch of one-time prekeys. */
    record OneTimePreKeys(
            @NotNull(message = "is required") @Size(min = 1, max = 100, message = "must hold 1-100 prekeys")
            List<@Valid @NotNull(message = "is required") OneTimePreKeyBody> preKeys) {
    }

    record OneTimePreKeyBody(
            @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more") Integer keyId,
            @NotNull(message = "is required") @Pattern(regexp = KeyFormats.KEY_32, message = KeyFormats.KEY_32_MESSAGE)
            String publicKey) {
    }
}
