package io.parley.chat.receipts;

import io.parley.chat.chats.ChatId;
import io.parley.chat.error.ChatException;
import io.parley.chat.groups.GroupChatStore;
import io.parley.chat.groups.MembershipTimeline;
import io.parley.chat.messages.MessageHead;
import io.parley.chat.messages.MessageStore;
import io.parley.chat.users.UserDirectoryClient;
import io.parley.proto.error.v1.ErrorReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * "Who received / who read this message, and when" for a group message: a query on the members' watermarks, listed for
 * the members at that seq only (a non-member, or a member who joined after it, gets NOT_A_MEMBER). Costs one read of
 * the chat's watermarks and its membership log, and one single-row read per member listed (when they reached it).
 */
public final class GroupReceiptQueries {

    private final MessageStore messages;
    private final GroupChatStore groups;
    private final ReceiptStore receipts;
    private final GroupReceiptTimes times;
    private final UserDirectoryClient directory;

    GroupReceiptQueries(MessageStore messages, GroupChatStore groups, ReceiptStore receipts, GroupReceiptTimes times,
            UserDirectoryClient directory) {
        this.messages = messages;
        this.groups = groups;
        this.receipts = receipts;
        this.times = times;
        this.directory = directory;
    }

    public CompletableFuture<MessageReceipts> list(String callerId, ChatId chat, long seq) {
        if (!chat.isGroup()) {
            throw new ChatException(ErrorReason.INVALID_REQUEST,
                    "receipts per message are listed for group chats; a 1:1 chat's receipts are its receipt frames");
        }
        return groups.timeline(chat.value()).thenCompose(timeline -> {
            if (!timeline.wasMemberAt(callerId, seq)) {
                throw new ChatException(ErrorReason.NOT_A_MEMBER, "you were not a member of this group at seq " + seq);
            }
            return messages.heads(chat.value(), seq - 1, seq).thenCompose(heads -> {
                if (heads.isEmpty()) {
                    throw new ChatException(ErrorReason.NOT_FOUND, "no message at seq " + seq + " in this chat");
                }
                return receipts.all(chat.value()).thenCompose(watermarks -> listed(chat.value(), heads.get(0), timeline, watermarks));
            });
        });
    }

    private CompletableFuture<MessageReceipts> listed(String chatId, MessageHead head, MembershipTimeline timeline,
            Map<String, ReceiptStore.Watermarks> watermarks) {
        List<String> recipients = timeline.membersAt(head.seq()).stream().filter(user -> !user.equals(head.senderUserId())).toList();
        List<CompletableFuture<Optional<MessageReceipts.Member>>> delivered = new ArrayList<>();
        List<CompletableFuture<Optional<MessageReceipts.Member>>> read = new ArrayList<>();
        for (String user : recipients) {
            ReceiptStore.Watermarks marks = watermarks.getOrDefault(user, ReceiptStore.Watermarks.NONE);
            if (marks.delivered(head.seq())) {
                delivered.add(member(chatId, user, GroupReceiptTimes.DELIVERED, head.seq()));
            }
            if (marks.read(head.seq())) {
                read.add(directory.readReceiptsEnabled(user).exceptionally(unknown -> false)
                        .thenCompose(visible -> visible ? member(chatId, user, GroupReceiptTimes.READ, head.seq())
                                : CompletableFuture.completedFuture(Optional.empty())));
            }
        }
        return all(delivered).thenCombine(all(read), (receivers, readers) -> new MessageReceipts(chatId, head.seq(),
                head.messageId(), head.senderUserId(), recipients.size(), receivers.size(), readers.size(), receivers, readers));
    }

    private CompletableFuture<Optional<MessageReceipts.Member>> member(String chatId, String user, String kind, long seq) {
        return times.reached(chatId, user, kind, seq)
                .thenApply(at -> Optional.of(new MessageReceipts.Member(user, at.map(Instant::toEpochMilli).orElse(null))));
    }

    private static CompletableFuture<List<MessageReceipts.Member>> all(List<CompletableFuture<Optional<MessageReceipts.Member>>> members) {
        return CompletableFuture.allOf(members.toArray(CompletableFuture[]::new))
                .thenApply(done -> members.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }
}
