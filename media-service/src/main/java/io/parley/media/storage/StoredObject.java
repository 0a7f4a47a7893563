package io.parley.media.storage;

/** What the store says about an object: its length and the Content-Type it was uploaded with. */
public record StoredObject(long size, String contentType) {
}
