package io.parley.chat.history;

import io.parley.chat.chatlist.ChatListEntry;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.chats.ChatId;
import io.parley.proto.chat.v1.ChatMessage;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The caller's chat list and pages of a chat's history; only members read a chat. */
final class HistoryService {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final ChatListStore chatLists;
    private final HistoryPager pager;

    HistoryService(ChatListStore chatLists, HistoryPager pager) {
        this.chatLists = chatLists;
        this.pager = pager;
    }

    CompletableFuture<ChatList> chatList(String userId) {
        return chatLists.list(userId).thenApply(entries -> new ChatList(entries.stream()
                .filter(entry -> entry.lastSeq() > 0)
                .sorted(Comparator.comparing(ChatListEntry::lastActivity, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(ChatListEntry::chatId))
                .map(ChatSummary::of)
                .toList()));
    }

    /**
     * A page of {@code chat}: with only {@code after}, the messages right after it (paging forward); otherwise
     * the messages right before {@code before} (or the newest), paging back. Either way newest first.
     */
    CompletableFuture<MessagePage> messages(String userId, ChatId chat, Long before, Long after, int limit) {
        ChatAuthorizer.requireMember(userId, chat);
        return chatLists.entry(userId, chat.value()).thenCompose(entry -> {
            long last = entry.map(ChatListEntry::lastSeq).orElse(0L);
            long lower = after == null ? 0 : after;
            long upper = Math.min(before == null ? Long.MAX_VALUE : before, last + 1);
            boolean forward = after != null && before == null;
            CompletableFuture<List<ChatMessage>> page = forward
                    ? pager.oldest(chat.value(), lower, upper, limit)
                    : pager.newest(chat.value(), lower, upper, limit);
            return page.thenApply(messages -> new MessagePage(messages.stream().map(MessageView::of).toList(),
                    hasMore(messages, forward, lower, upper)));
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
