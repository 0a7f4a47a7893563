package io.parley.media.storage;

/** A part of a multipart upload that the store holds. */
public record UploadedPart(int number, long size, String eTag) {
}
