package io.parley.chat.receipts;

import io.parley.chat.groups.GroupEvents;
import io.parley.chat.groups.MembershipTimeline;
import io.parley.chat.messages.MessageHead;
import io.parley.proto.chat.v1.MessageReceiptCounts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * "Delivered to N of M" and "read by N of M" for group messages, from the members' watermarks (pure). M: the members
 * at the message's seq other than its sender (a member who left later still counts, with what they received and read
 * before leaving; one who joined later does not). N: those whose watermark reached the seq; a member whose read
 * receipts are off (or unknown) is never counted as a reader, only as a recipient. System messages get no counts.
 */
final class GroupReceiptCounting {

    private GroupReceiptCounting() {
    }

    /** One message's counts. */
    static MessageReceiptCounts of(MessageHead head, MembershipTimeline timeline, Collection<String> users,
            Map<String, ReceiptStore.Watermarks> watermarks, Predicate<String> readVisible) {
        int members = 0;
        int delivered = 0;
        int read = 0;
        for (String user : users) {
            if (user.equals(head.senderUserId()) || !timeline.wasMemberAt(user, head.seq())) {
                continue;
            }
            members++;
            ReceiptStore.Watermarks marks = watermarks.getOrDefault(user, ReceiptStore.Watermarks.NONE);
            if (marks.delivered(head.seq())) {
                delivered++;
            }
            if (marks.read(head.seq()) && readVisible.test(user)) {
                read++;
            }
        }
        return MessageReceiptCounts.newBuilder().setSeq(head.seq()).setMessageId(head.messageId())
                .setDelivered(delivered).setRead(read).setMembers(members).build();
    }

    /**
     * Per sender who is still a member, the counts of their messages among {@code heads} (oldest first, at most the
     * newest {@code maxPerSender}).
     */
    static Map<String, List<MessageReceiptCounts>> bySender(List<MessageHead> heads, MembershipTimeline timeline,
            Collection<String> users, Map<String, ReceiptStore.Watermarks> watermarks, Predicate<String> readVisible,
            int maxPerSender) {
        Map<String, List<MessageReceiptCounts>> senders = new LinkedHashMap<>();
        for (MessageHead head : heads) {
            if (GroupEvents.CONTENT_TYPE.equals(head.contentType()) || !timeline.isMemberNow(head.senderUserId())) {
                continue;
            }
            senders.computeIfAbsent(head.senderUserId(), sender -> new ArrayList<>())
                    .add(of(head, timeline, users, watermarks, readVisible));
        }
        senders.replaceAll((sender, counts) -> counts.size() <= maxPerSender ? counts
                : List.copyOf(counts.subList(counts.size() - maxPerSender, counts.size())));
        return senders;
    }
}
