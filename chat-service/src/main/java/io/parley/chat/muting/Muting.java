package io.parley.chat.muting;

import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chatlist.Mute;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Sets and clears a member's mute of a chat (a column of their chat-list row, read by fan-out before a push). */
final class Muting {

    static final long MIN_SECONDS = 60;
    static final long MAX_SECONDS = 366L * 24 * 3600;

    private final ChatListStore chatLists;
    private final ChatAuthorizer authorizer;
    private final Clock clock;

    Muting(ChatListStore chatLists, ChatAuthorizer authorizer, Clock clock) {
        this.chatLists = chatLists;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    CompletableFuture<MuteView> mute(String userId, ChatId chat, Long forSeconds) {
        if (forSeconds != null && (forSeconds < MIN_SECONDS || forSeconds > MAX_SECONDS)) {
            throw new ChatException(ErrorReason.INVALID_REQUEST,
                    "for_seconds must be " + MIN_SECONDS + ".." + MAX_SECONDS + ", or absent to mute always");
        }
        Instant until = forSeconds == null ? Mute.ALWAYS : clock.instant().plusSeconds(forSeconds);
        return requireMember(userId, chat).thenCompose(member -> chatLists.mute(userId, chat.value(), until))
                .thenApply(done -> new MuteView(chat.value(), true, forSeconds == null ? null : until.toEpochMilli()));
    }

    CompletableFuture<Void> unmute(String userId, ChatId chat) {
        return requireMember(userId, chat).thenCompose(member -> chatLists.mute(userId, chat.value(), null));
    }

    /** A current member: of a one-to-one chat by its id, of a group now (a member who left has nothing to mute). */
    private CompletableFuture<Void> requireMember(String userId, ChatId chat) {
        if (!chat.isGroup()) {
            ChatAuthorizer.requireMember(userId, chat);
            return CompletableFuture.completedFuture(null);
        }
        return authorizer.requireGroupMember(userId, chat).thenApply(span -> null);
    }
}
