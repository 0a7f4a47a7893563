package io.parley.chat.history;

import io.parley.chat.chatlist.ChatListEntry;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The caller's chat list and pages of a chat's history; only members read a chat, and a group member only from their
 * joining (the seq of the system message that added them) until they left.
 */
final class HistoryService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ChatListStore chatLists;
    private final HistoryPager pager;
    private final ChatAuthorizer authorizer;
    private final Clock clock;

    HistoryService(ChatListStore chatLists, HistoryPager pager, ChatAuthorizer authorizer, Clock clock) {
        this.chatLists = chatLists;
        this.pager = pager;
        this.authorizer = authorizer;
        this.clock = clock;
    }

    CompletableFuture<ChatList> chatList(String userId) {
        return chatLists.list(userId).thenApply(entries -> new ChatList(entries.stream()
                .filter(entry -> entry.lastSeq() > 0)
                .sorted(Comparator.comparing(ChatListEntry::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ChatListEntry::chatId))
                .map(entry -> ChatSummary.of(entry, clock.instant()))
                .toList()));
    }

    /**
     * A page of {@code chat}: with only {@code after}, the messages right after it (paging forward); otherwise
     * the messages right before {@code before} (or the newest), paging back. Either way newest first.
     */
    CompletableFuture<MessagePage> messages(String userId, ChatId chat, Long before, Long after, int limit) {
        boolean forward = after != null && before == null;
        long lower = after == null ? 0 : after;
        long upper = before == null ? Long.MAX_VALUE : before;
        if (!chat.isGroup()) {
            ChatAuthorizer.requireMember(userId, chat);
            return page(userId, chat, lower, upper, forward, limit);
        }
        return authorizer.groupSpan(userId, chat).thenCompose(span -> {
            if (upper <= span.joinedSeq()) {
                throw new ChatException(ErrorReason.NOT_A_MEMBER,
                        "you were not a member of this group before seq " + span.joinedSeq());
            }
            long end = span.leftSeq() == null ? upper : Math.min(upper, span.leftSeq() + 1);
            return page(userId, chat, Math.max(lower, span.joinedSeq() - 1), end, forward, limit);
        });
    }

    /** The page strictly between {@code lower} and {@code upper} (and not beyond the chat's last seq), newest first. */
    private CompletableFuture<MessagePage> page(String userId, ChatId chat, long lower, long upper, boolean forward, int limit) {
        return chatLists.entry(userId, chat.value()).thenCompose(entry -> {
            long bounded = Math.min(upper, entry.map(ChatListEntry::lastSeq).orElse(0L) + 1);
            CompletableFuture<List<ChatMessage>> page = forward
                    ? pager.oldest(chat.value(), lower, bounded, limit)
                    : pager.newest(chat.value(), lower, bounded, limit);
            return page.thenApply(messages -> new MessagePage(messages.stream().map(MessageView::of).toList(),
                    hasMore(messages, forward, lower, bounded)));
        });
    }

    private static boolean hasMore(List<ChatMessage> messages, boolean forward, long lower, long upper) {
        if (messages.isEmpty()) {
            return false;
        }
        return forward
                ? messages.get(0).getSeq() < upper - 1
                : messages.get(messages.size() - 1).getSeq() > lower + 1;
    }
}
