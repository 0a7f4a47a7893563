package io.parley.client.media;

/** Told after every part (or the single PUT) the store accepted; called on an HTTP client thread. */
@FunctionalInterface
public interface UploadProgress {

    UploadProgress NONE = (uploaded, total) -> { };

    void uploaded(long bytesUploaded, long totalBytes);
}
