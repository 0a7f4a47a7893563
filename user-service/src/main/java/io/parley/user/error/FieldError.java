package io.parley.user.error;

/** One offending field of a request, named as the client wrote it ({@code device.platform}, {@code preKeys[3].publicKey}). */
public record FieldError(String field, String message) {
}
