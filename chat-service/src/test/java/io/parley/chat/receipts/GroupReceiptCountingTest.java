package io.parley.chat.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.chat.groups.GroupEvents;
import io.parley.chat.groups.GroupRole;
import io.parley.chat.groups.MembershipTimeline;
import io.parley.chat.messages.MessageHead;
import io.parley.proto.chat.v1.MessageReceiptCounts;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupReceiptCountingTest {

    // alice creates with bob and carol at 1; dave added at 4; carol leaves at 6
    private final MembershipTimeline timeline = MembershipTimeline.of(List.of(
            new MembershipTimeline.Change(6, "carol", GroupRole.NONE),
            new MembershipTimeline.Change(1, "alice", GroupRole.ADMIN),
            new MembershipTimeline.Change(1, "bob", GroupRole.MEMBER),
            new MembershipTimeline.Change(1, "carol", GroupRole.MEMBER),
            new MembershipTimeline.Change(4, "dave", GroupRole.MEMBER),
            new MembershipTimeline.Change(5, "dave", GroupRole.ADMIN)));

    @Test
    void theMembersOfAMessageAreThoseAtItsSeqWhoeverLeftOrJoinedLater() {
        assertThat(timeline.membersAt(3)).containsExactly("alice", "bob", "carol");
        assertThat(timeline.membersAt(5)).containsExactly("alice", "bob", "carol", "dave");
        assertThat(timeline.membersAt(7)).containsExactly("alice", "bob", "dave");
        assertThat(timeline.wasMemberAt("dave", 3)).isFalse();
        assertThat(timeline.isMemberNow("carol")).isFalse();
    }

    @Test
    void aMemberWhoLeftAndCameBackCountsOnlyWhileAMember() {
        MembershipTimeline back = MembershipTimeline.of(List.of(new MembershipTimeline.Change(1, "bob", GroupRole.MEMBER),
                new MembershipTimeline.Change(3, "bob", GroupRole.NONE), new MembershipTimeline.Change(6, "bob", GroupRole.MEMBER)));

        assertThat(List.of(2L, 4L, 5L, 7L)).map(seq -> back.wasMemberAt("bob", seq)).containsExactly(true, false, false, true);
    }

    @Test
    void readersWhoseReceiptsAreOffCountAsRecipientsButNotAsReaders() {
        Map<String, ReceiptStore.Watermarks> marks = Map.of("bob", new ReceiptStore.Watermarks(3, 3),
                "carol", new ReceiptStore.Watermarks(0, 3));

        MessageReceiptCounts counts = GroupReceiptCounting.of(new MessageHead(3, "m3", "alice", "text/plain"), timeline,
                timeline.users(), marks, user -> !user.equals("carol"));

        assertThat(List.of(counts.getDelivered(), counts.getRead(), counts.getMembers())).containsExactly(2, 1, 2);
    }

    @Test
    void eachSenderStillAMemberGetsTheirOwnMessagesOnlyAndSystemMessagesGetNone() {
        List<MessageHead> heads = List.of(new MessageHead(4, "m4", "alice", GroupEvents.CONTENT_TYPE),
                new MessageHead(5, "m5", "bob", "text/plain"), new MessageHead(7, "m7", "alice", "text/plain"),
                new MessageHead(5, "m5c", "carol", "text/plain"));
        Map<String, ReceiptStore.Watermarks> marks = Map.of("dave", new ReceiptStore.Watermarks(7, 5));

        Map<String, List<MessageReceiptCounts>> bySender = GroupReceiptCounting.bySender(heads, timeline, timeline.users(),
                marks, user -> true, 256);

        assertThat(bySender.keySet()).isEqualTo(Set.of("bob", "alice"));
        assertThat(bySender.get("bob")).singleElement().satisfies(counts -> {
            assertThat(counts.getMembers()).isEqualTo(3); // alice, carol, dave
            assertThat(counts.getRead()).isEqualTo(1);
        });
        assertThat(bySender.get("alice")).singleElement().satisfies(counts -> {
            assertThat(counts.getSeq()).isEqualTo(7);
            assertThat(counts.getMembers()).isEqualTo(2); // bob, dave: carol left at 6
            assertThat(counts.getDelivered()).isEqualTo(1);
            assertThat(counts.getRead()).isZero();
        });
    }
}
