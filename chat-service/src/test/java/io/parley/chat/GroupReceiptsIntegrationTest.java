package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.parley.auth.fixtures.TestTokens;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.chat.v1.MessageReceiptCounts;
import io.parley.proto.chat.v1.SendRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Group receipts: members' watermarks move per ack and read, the sender alone gets coalesced "delivered to N of M" /
 * "read by N of M" for their own messages, and the per-message list names who received and read it, honouring read
 * receipt privacy and membership at the message's seq.
 */
class GroupReceiptsIntegrationTest extends ChatServiceIntegrationTest {

    private final String chatId = "g:" + UUID.randomUUID();
    private final String alice = newUser();
    private final String bob = newUser();
    private final String carol = newUser();
    private final String dave = newUser();

    @Test
    void readByNOfMIsRightAfterMembersReadOnDifferentDevicesAndOnlyTheSenderGetsIt() {
        DIRECTORY.readReceiptsOff(dave);
        change(alice, MembershipChange.CREATED, bob, carol, dave);
        send(alice, "a-1");
        send(alice, "a-2");
        List<InboxEntry> bobs = awaitInbox(bob, 3);
        List<InboxEntry> carols = awaitInbox(carol, 3);
        awaitInbox(dave, 3);

        ack(bob, "phone", bobs.get(2).getInboxSeq());
        markRead(bob, "laptop", 3);
        ack(carol, "tablet", carols.get(2).getInboxSeq());
        markRead(carol, "phone", 2);
        markRead(dave, "phone", 3);

        // seq 2: all three received it, bob and carol read it, dave's read is private; seq 3: carol has not read it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(counts(alice)).isEqualTo(Map.of(
                2L, List.of(3, 2, 3), 3L, List.of(3, 1, 3))));
        for (String member : List.of(bob, carol, dave)) {
            assertThat(inbox(member)).as("%s's inbox", member).noneMatch(InboxEntry::hasGroupReceipt);
        }
    }

    @Test
    void theReadListOmitsPrivateReadersAndOnlyMembersAtThatSeqMayListIt() {
        DIRECTORY.readReceiptsOff(dave);
        change(alice, MembershipChange.CREATED, bob, carol, dave);
        send(alice, "a-1");
        markReadWhenListed(bob, 2);
        markReadWhenListed(dave, 2);
        long carolLeft = change(carol, MembershipChange.LEFT).getSeq();
        String erin = newUser();
        change(alice, MembershipChange.ADDED, erin);
        send(alice, "a-2");
        long afterCarol = carolLeft + 2;

        http().get().uri("/v1/chats/{chat}/messages/2/receipts", chatId).headers(h -> h.setBearerAuth(token(alice))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.message_id").isNotEmpty()
                .jsonPath("$.from").isEqualTo(alice)
                .jsonPath("$.members").isEqualTo(3) // carol left later: still one of the members this message was for
                .jsonPath("$.delivered_count").isEqualTo(2)
                .jsonPath("$.read_count").isEqualTo(1)
                .jsonPath("$.read.length()").isEqualTo(1)
                .jsonPath("$.read[0].user").isEqualTo(bob)
                .jsonPath("$.read[0].at").isNumber()
                .jsonPath("$.delivered[?(@.user == '" + dave + "')]").exists();
        http().get().uri("/v1/chats/{chat}/messages/2/receipts", chatId).headers(h -> h.setBearerAuth(token(carol))).exchange()
                .expectStatus().isOk();
        http().get().uri("/v1/chats/{chat}/messages/{seq}/receipts", chatId, afterCarol)
                .headers(h -> h.setBearerAuth(token(bob))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.members").isEqualTo(3); // bob, dave, erin: carol had left
        for (String outsider : List.of(erin, newUser())) {
            http().get().uri("/v1/chats/{chat}/messages/2/receipts", chatId).headers(h -> h.setBearerAuth(token(outsider)))
                    .exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER");
        }
        http().get().uri("/v1/chats/{chat}/messages/999/receipts", chatId).headers(h -> h.setBearerAuth(token(alice))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http().get().uri("/v1/chats/{chat}/messages/2/receipts", chatOf(alice, bob).value())
                .headers(h -> h.setBearerAuth(token(alice))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
    }

    /** Marks read once the message is in the reader's chat list (MarkRead is capped at the chat's last seq there). */
    private void markReadWhenListed(String reader, long seq) {
        awaitInbox(reader, (int) seq);
        await().atMost(Duration.ofSeconds(60)).until(() -> markRead(reader, "phone", seq) == seq);
    }

    /** The highest counts alice received per seq of her messages: [delivered, read, members]. */
    private Map<Long, List<Integer>> counts(String sender) {
        Map<Long, List<Integer>> highest = new HashMap<>();
        for (InboxEntry entry : inbox(sender)) {
            if (entry.hasGroupReceipt()) {
                for (MessageReceiptCounts counts : entry.getGroupReceipt().getMessagesList()) {
                    highest.merge(counts.getSeq(), List.of(counts.getDelivered(), counts.getRead(), counts.getMembers()),
                            (a, b) -> List.of(Math.max(a.get(0), b.get(0)), Math.max(a.get(1), b.get(1)), Math.max(a.get(2), b.get(2))));
                }
            }
        }
        return highest;
    }

    private io.parley.proto.chat.v1.ChangeMembershipResponse change(String actor, MembershipChange change, String... targets) {
        return changeGroup(chatId, actor, MembershipCommand.newBuilder().setChange(change).addAllTargetUserIds(List.of(targets)));
    }

    private void send(String sender, String text) {
        chat().send(SendRequest.newBuilder().setUserId(sender).setDeviceId("phone").setClientMsgId(text)
                .setChatId(chatId).setContentType("text/plain").setBody(ByteString.copyFromUtf8(text)).build());
    }

    private void ack(String user, String device, long upTo) {
        chat().ackInbox(AckInboxRequest.newBuilder().setUserId(user).setDeviceId(device).setUpToInboxSeq(upTo).build());
    }

    private long markRead(String user, String device, long upTo) {
        return chat().markRead(MarkReadRequest.newBuilder().setUserId(user).setDeviceId(device).setChatId(chatId)
                .setUpToSeq(upTo).build()).getReadUpToSeq();
    }

    private static String token(String user) {
        return TestTokens.accessToken(user, UUID.randomUUID().toString());
    }

    /** No speed is asserted: on a loaded machine a call may take longer than WebTestClient's 5 s default. */
    private WebTestClient http() {
        return http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }
}
