package io.parley.media.library;

import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Shares a media item into a chat on behalf of a sender whom chat-service has authorized for that chat. The sender
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

    public Mono<MediaItem> share(UUID senderId, UUID mediaId, String chatId) {
        return access.readyFor(senderId, mediaId)
                .flatMap(item -> item.sharedIn().contains(chatId) ? Mono.just(item)
                        : store.share(mediaId, chatId).thenReturn(item));
    }
}
