package io.parley.chat.fanout;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chatlist.PushState;
import io.parley.chat.chats.GroupChatIds;
import io.parley.chat.groups.GroupChatStore;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a push about a chat depends on, read when it is about to be requested: the member's read watermark and mute
 * (one small read of their chat-list row) and, for a group, its name (one read per group per instance per
 * {@code nameTtl}: every member of a group asks for the same name within moments). A read that fails counts as "not
 * read, not muted, no name": a notification too many, never a lost one.
 */
final class PushChecks {

    private static final Logger log = LoggerFactory.getLogger(PushChecks.class);
    private static final long MAX_NAMES = 100_000;

    private final ChatListStore chatLists;
    private final GroupChatStore groups;
    private final AsyncCache<String, String> remembered;

    PushChecks(ChatListStore chatLists, GroupChatStore groups, Duration nameTtl) {
        this.chatLists = chatLists;
        this.groups = groups;
        this.remembered = Caffeine.newBuilder().expireAfterWrite(nameTtl).maximumSize(MAX_NAMES).buildAsync();
    }

    record ChatPush(PushState state, String chatName) {
    }

    CompletableFuture<ChatPush> of(String userId, String chatId) {
        CompletableFuture<PushState> state = chatLists.pushState(userId, chatId).exceptionally(failure -> {
            log.debug("Push state unreadable, pushing: {}", failure.toString());
            return new PushState(0, null);
        });
        CompletableFuture<String> name = !GroupChatIds.isGroupChat(chatId) ? CompletableFuture.completedFuture("")
                : remembered.get(chatId, (chat, executor) -> groups.info(chat).thenApply(info -> info.name() == null ? "" : info.name())).exceptionally(failure -> "");
        return state.thenCombine(name, ChatPush::new);
    }
}
