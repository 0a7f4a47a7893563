package io.parley.chat.history;

import io.parley.auth.verification.ParleyPrincipal;
import io.parley.chat.chats.ChatId;
import io.parley.chat.receipts.GroupReceiptQueries;
import io.parley.chat.receipts.MessageReceipts;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * History for clients, authenticated by their access token:
 * {@code GET /v1/chats} (the caller's chats with unread counts and last message, most recent activity first) and
 * {@code GET /v1/chats/{chatId}/messages?before=&after=&limit=} (pages of a chat's messages, newest first) and
 * {@code GET /v1/chats/{chatId}/messages/{seq}/receipts} (who received and read a group message).
 * Errors are RFC 9457 problem documents ({@link HistoryProblems}).
 */
@RestController
@RequestMapping("/v1/chats")
class ChatHistoryController {

    private final HistoryService history;
    private final GroupReceiptQueries receipts;

    ChatHistoryController(HistoryService history, GroupReceiptQueries receipts) {
        this.history = history;
        this.receipts = receipts;
    }

    @GetMapping
    Mono<ChatList> chats(@AuthenticationPrincipal ParleyPrincipal caller) {
        return Mono.fromFuture(() -> history.chatList(caller.userId().toString()));
    }

    @GetMapping("/{chatId}/messages")
    Mono<MessagePage> messages(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String chatId,
            @RequestParam(required = false) Long before, @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "" + HistoryService.DEFAULT_LIMIT) int limit) {
        if (limit < 1 || limit > HistoryService.MAX_LIMIT) {
            throw new InvalidPageException("limit must be 1.." + HistoryService.MAX_LIMIT);
        }
        if ((before != null && before < 1) || (after != null && after < 0)) {
            throw new InvalidPageException("before must be at least 1 and after at least 0");
        }
        ChatId chat = ChatId.parse(chatId);
        return Mono.fromFuture(() -> history.messages(caller.userId().toString(), chat, before, after, limit));
    }

    /** Who received and who read a group message, and when; members at that seq only. */
    @GetMapping("/{chatId}/messages/{seq}/receipts")
    Mono<MessageReceipts> receipts(@AuthenticationPrincipal ParleyPrincipal caller, @PathVariable String chatId,
            @PathVariable long seq) {
        if (seq < 1) {
            throw new InvalidPageException("seq must be at least 1");
        }
        ChatId chat = ChatId.parse(chatId);
        return Mono.defer(() -> Mono.fromFuture(receipts.list(caller.userId().toString(), chat, seq)));
    }
}
