package io.parley.media.library;

import io.parley.media.error.MediaException;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Shares a media item into a chat on behalf of a sender whom chat-service (a message) or group-service (a group's
 * avatar) has authorized for that chat. The sender
 * must be able to see the item (their own upload, or one shared into a chat of theirs: forwarding) and its upload
 * must be complete.
 */
public final class Sharing {

    private final MediaAccess access;
    private final MediaStore store;

    public Sharing(MediaAccess access, MediaStore store) {
        this.access = access;
        this.store = store;
    }

    /**
     * Shares the item into {@code chatId}; with {@code uploaderOnly} (a group's avatar) only the sender's own upload,
     * anything else being NOT_FOUND like an item the sender may not see.
     */
    public Mono<MediaItem> share(UUID senderId, UUID mediaId, String chatId, boolean uploaderOnly) {
        return access.readyFor(senderId, mediaId)
                .filter(item -> !uploaderOnly || item.isUploadedBy(senderId))
                .switchIfEmpty(Mono.error(MediaException::notFound))
                .flatMap(item -> item.sharedIn().contains(chatId) ? Mono.just(item)
                        : store.share(mediaId, chatId).thenReturn(item));
    }
}
