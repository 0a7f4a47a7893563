package io.parley.chat.receipts;

import io.micrometer.observation.Observation;
import io.parley.chat.chatlist.ChatListEntry;
import io.parley.chat.chatlist.ChatListStore;
import io.parley.chat.chats.ChatAuthorizer;
import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.chat.inbox.InboxPublisher;
import io.parley.chat.users.UserDirectoryClient;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MarkReadResponse;
import io.parley.proto.chat.v1.Receipt;
import io.parley.proto.chat.v1.ReceiptKind;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MarkRead: the user read a chat up to a seq (capped at the chat's last seq they know). The read watermark
 * only moves forward; the unread count follows from it; the chat's other members get a READ receipt unless
 * the reader turned read receipts off, either blocks the other, or the user directory cannot say (then the
 * watermark still moves). When the watermark moved, push-service hears of it ({@link ReadNotices}) to clear the chat's
 * notifications on the user's other devices.
 */
final class MarkReadHandler {

    private static final Logger log = LoggerFactory.getLogger(MarkReadHandler.class);

    private final ChatListStore chatLists;
    private final ReceiptStore receipts;
    private final UserDirectoryClient directory;
    private final ReceiptRecipients recipients;
    private final InboxPublisher publisher;
    private final ChatAuthorizer authorizer;
    private final GroupWatermarks groups;
    private final ReadNotices notices;
    private final Clock clock;

    MarkReadHandler(ChatListStore chatLists, ReceiptStore receipts, UserDirectoryClient directory,
            ReceiptRecipients recipients, InboxPublisher publisher, ChatAuthorizer authorizer, GroupWatermarks groups,
            ReadNotices notices, Clock clock) {
        this.chatLists = chatLists;
        this.receipts = receipts;
        this.directory = directory;
        this.recipients = recipients;
        this.publisher = publisher;
        this.authorizer = authorizer;
        this.groups = groups;
        this.notices = notices;
        this.clock = clock;
    }

    CompletableFuture<MarkReadResponse> markRead(MarkReadRequest request, Observation parent) {
        String userId = request.getUserId();
        ChatException.require("user_id", userId);
        ChatException.require("chat_id", request.getChatId());
        ChatId chat = ChatId.parse(request.getChatId());
        ChatException.requireNotNegative("up_to_seq", request.getUpToSeq());
        if (chat.isGroup()) {
            return authorizer.groupSpan(userId, chat)
                    .thenCompose(span -> markGroupRead(userId, request.getDeviceId(), chat, request.getUpToSeq(), parent));
        }
        ChatAuthorizer.requireMember(userId, chat);
        return chatLists.entry(userId, chat.value())
                .thenCombine(receipts.watermarks(chat.value(), userId), (entry, watermarks) -> new long[] {
                        Math.min(request.getUpToSeq(), entry.map(ChatListEntry::lastSeq).orElse(0L)), watermarks.readSeq()})
                .thenCompose(range -> {
                    long target = range[0];
                    long read = range[1];
                    if (target <= read) {
                        return CompletableFuture.completedFuture(response(read));
                    }
                    return readReceipt(userId, chat, target, parent)
                            .thenCompose(receipted -> CompletableFuture.allOf(
                                    receipts.advanceRead(chat.value(), userId, target),
                                    chatLists.markRead(userId, chat.value(), target)))
                            .thenCompose(stored -> notices.read(userId, request.getDeviceId(), chat.value(), target, parent))
                            .thenApply(stored -> response(target));
                });
    }

    /**
     * A member (or former member, up to their leaving: their chat list ends there) of a group chat read it: the
     * watermark moves and the senders get coalesced counts, honouring the reader's privacy there; no receipt per member.
     */
    private CompletableFuture<MarkReadResponse> markGroupRead(String userId, String deviceId, ChatId chat, long upToSeq,
            Observation parent) {
        return chatLists.entry(userId, chat.value()).thenCombine(receipts.watermarks(chat.value(), userId),
                (entry, watermarks) -> {
                    long target = Math.min(upToSeq, entry.map(ChatListEntry::lastSeq).orElse(0L));
                    return target <= watermarks.readSeq() ? CompletableFuture.completedFuture(response(watermarks.readSeq()))
                            : groups.read(chat.value(), userId, watermarks, target)
                                    .thenCompose(read -> chatLists.markRead(userId, chat.value(), target))
                                    .thenCompose(stored -> notices.read(userId, deviceId, chat.value(), target, parent))
                                    .thenApply(stored -> response(target));
                }).thenCompose(answer -> answer);
    }

    private CompletableFuture<Void> readReceipt(String userId, ChatId chat, long upToSeq, Observation parent) {
        return directory.readReceiptsEnabled(userId)
                .exceptionally(failure -> {
                    log.warn("No read receipt for chat_id={} seq={}: privacy unknown ({})", chat, upToSeq, failure.toString());
                    return false;
                })
                .thenCompose(enabled -> {
                    if (!enabled) {
                        return CompletableFuture.completedFuture(null);
                    }
                    Receipt receipt = Receipt.newBuilder().setChatId(chat.value()).setUserId(userId)
                            .setKind(ReceiptKind.RECEIPT_KIND_READ).setUpToSeq(upToSeq).setAtEpochMillis(clock.millis())
                            .build();
                    return recipients.of(chat, userId).thenCompose(others -> publisher.receipt(others, receipt, parent));
                });
    }

    private static MarkReadResponse response(long readUpToSeq) {
        return MarkReadResponse.newBuilder().setReadUpToSeq(readUpToSeq).build();
    }
}
