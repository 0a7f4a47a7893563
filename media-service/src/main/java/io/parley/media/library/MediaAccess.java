package io.parley.media.library;

import io.parley.media.chats.ChatMembershipClient;
import io.parley.media.error.MediaException;
import io.parley.proto.error.v1.ErrorReason;
import java.util.Locale;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Who may see a media item: its uploader, and the members of every chat it was shared in (now, not when it was
 * shared: membership is asked of chat-service on each decision). Anyone else gets NOT_FOUND, as for an id that
 * does not exist, so ids cannot be probed.
 */
public final class MediaAccess {

    private final MediaStore store;
    private final ChatMembershipClient chats;

    public MediaAccess(MediaStore store, ChatMembershipClient chats) {
        this.store = store;
        this.chats = chats;
    }

    /** The item if {@code userId} may see it; NOT_FOUND otherwise. */
    public Mono<MediaItem> visibleTo(UUID userId, UUID mediaId) {
        return store.find(mediaId)
                .switchIfEmpty(Mono.error(MediaException::notFound))
                .flatMap(item -> mayView(userId, item)
                        .flatMap(allowed -> allowed ? Mono.just(item) : Mono.error(MediaException.notFound())));
    }

    /** The item if {@code userId} may see it and its upload is complete: what a download or a share needs. */
    public Mono<MediaItem> readyFor(UUID userId, UUID mediaId) {
        return visibleTo(userId, mediaId).flatMap(item -> item.state() == MediaState.READY ? Mono.just(item)
                : Mono.error(MediaException.inState(item.state().name().toLowerCase(Locale.ROOT), ErrorReason.INVALID_REQUEST,
                        "the upload of this media is not complete")));
    }

    private Mono<Boolean> mayView(UUID userId, MediaItem item) {
        if (item.isUploadedBy(userId)) {
            return Mono.just(true);
        }
        if (item.sharedIn().isEmpty()) {
            return Mono.just(false);
        }
        return chats.memberOf(userId, item.sharedIn()).map(memberOf -> !memberOf.isEmpty());
    }
}
