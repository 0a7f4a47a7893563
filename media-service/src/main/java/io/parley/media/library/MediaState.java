package io.parley.media.library;

/** Where a media item is in its life; see V001__media.cql. */
public enum MediaState {
    PENDING, READY, REJECTED
}
