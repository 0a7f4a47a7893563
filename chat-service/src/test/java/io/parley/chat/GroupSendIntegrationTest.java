package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.StatusRuntimeException;
import io.parley.auth.fixtures.TestTokens;
import io.parley.connections.ConnectionRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.connections.GatewayAddress;
import io.parley.chat.groups.GroupEvents;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.ChangeMembershipResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.chat.v1.SendRequest;
import io.parley.proto.chat.v1.SendResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Group messages through the ordinary Send path: authorized by membership when sent and decided by membership at
 * their place in the chat's order; each member's inbox gets them in seq order from their joining on; history starts
 * at a member's joining.
 */
class GroupSendIntegrationTest extends ChatServiceIntegrationTest {

    @Autowired
    ConnectionRegistry sessions;

    private final String chatId = "g:" + UUID.randomUUID();
    private final String admin = newUser();
    private final String bob = newUser();
    private final String carol = newUser();

    @Test
    void membersMessagesReachEveryMemberInOrderAndARemovedMemberNothingAfterTheRemoval() {
        change(admin, MembershipChange.CREATED, false, bob, carol);
        send(bob, "b-1");
        send(carol, "c-1");
        send(admin, "a-1");
        long removal = change(admin, MembershipChange.REMOVED, false, carol).getSeq();
        send(bob, "b-2");

        assertThat(removal).isEqualTo(5);
        assertThat(bodies(awaitInbox(bob, 6))).containsExactly("created", "b-1", "c-1", "a-1", "removed", "b-2");
        assertThat(seqs(inbox(bob))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(bodies(inbox(carol))).containsExactly("created", "b-1", "c-1", "a-1", "removed");
        assertThatThrownBy(() -> send(carol, "c-2")).isInstanceOfSatisfying(StatusRuntimeException.class,
                refused -> assertThat(errorInfo(refused).getReason()).isEqualTo("NOT_A_MEMBER"));
        assertThatThrownBy(() -> send(newUser(), "x-1")).isInstanceOfSatisfying(StatusRuntimeException.class,
                refused -> assertThat(errorInfo(refused).getReason()).isEqualTo("NOT_A_MEMBER"));

        assertThat(chat().ackInbox(AckInboxRequest.newBuilder().setUserId(bob).setDeviceId("phone").setUpToInboxSeq(
                inbox(bob).get(5).getInboxSeq()).build()).getAckedInboxSeq()).isEqualTo(inbox(bob).get(5).getInboxSeq());
    }

    @Test
    void whereOnlyAdminsSendAMembersMessageIsRefusedAtItsPlaceInTheOrder() {
        change(admin, MembershipChange.CREATED, false, bob);
        change(admin, MembershipChange.SETTINGS_CHANGED, true);

        SendResponse refused = send(bob, "b-1");
        send(admin, "a-1");

        assertThat(bodies(awaitInbox(bob, 3))).containsExactly("created", "settings_changed", "a-1");
        assertThat(inbox(bob)).noneMatch(entry -> entry.getMessage().getMessageId().equals(refused.getMessageId()));
        assertThat(cql.execute("SELECT refused FROM group_outcomes WHERE chat_id = ? AND item_id = ?", chatId,
                refused.getMessageId()).one().getString(0)).isEqualTo("NOT_A_GROUP_ADMIN");
    }

    @Test
    void aLaterMemberReadsHistoryFromTheirJoiningOnAndIsRefusedBeforeIt() {
        change(admin, MembershipChange.CREATED, false, bob);
        send(bob, "b-1");
        long joined = change(admin, MembershipChange.ADDED, false, carol).getSeq();
        send(carol, "c-1");
        awaitInbox(carol, 2);
        String token = TestTokens.accessToken(carol, UUID.randomUUID().toString());
        // No speed is asserted: on a loaded machine a page may take longer than WebTestClient's 5 s default.
        WebTestClient http = this.http.mutate().responseTimeout(Duration.ofSeconds(30)).build();

        http.get().uri("/v1/chats/{chat}/messages", chatId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.messages.length()").isEqualTo(2)
                .jsonPath("$.messages[1].seq").isEqualTo(joined)
                .jsonPath("$.has_more").isEqualTo(false);
        http.get().uri("/v1/chats/{chat}/messages?before={seq}", chatId, joined)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER");
        http.get().uri("/v1/chats/{chat}/messages", chatId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.accessToken(newUser(), UUID.randomUUID().toString())).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aGroupMessageIsStoredOnceEachInboxHoldsAReferenceAndDevicesGetTheBody() throws Exception {
        String gatewayId = "gw-" + UUID.randomUUID();
        sessions.announceGateway(new GatewayAddress(gatewayId, "127.0.0.1", GATEWAY.port()), Duration.ofMinutes(1)).block();
        String bobsPhone = "phone-" + bob;
        sessions.register(new DeviceLocation(bob, bobsPhone, gatewayId, "c-" + bobsPhone, 1)).block();
        change(admin, MembershipChange.CREATED, false, bob, carol);

        send(carol, "hello-group");

        await().atMost(Duration.ofSeconds(60)).until(() -> GATEWAY.deliveredTo(bobsPhone).size() >= 2);
        assertThat(bodies(GATEWAY.deliveredTo(bobsPhone))).containsExactly("created", "hello-group");
        assertThat(bodies(awaitInbox(admin, 2))).containsExactly("created", "hello-group");
        for (String member : List.of(admin, bob, carol)) {
            ByteBuffer row = cql.execute("SELECT entry FROM inbox_by_user WHERE user_id = ? AND bucket = 0 AND inbox_seq = 2",
                    member).one().getByteBuffer(0);
            InboxEntry stored = InboxEntry.parseFrom(row);
            assertThat(stored.hasMessageRef()).as("%s's inbox row", member).isTrue();
            assertThat(stored.getMessageRef().getSeq()).isEqualTo(2);
        }
    }

    private SendResponse send(String sender, String text) {
        return chat().send(SendRequest.newBuilder().setUserId(sender).setDeviceId("phone").setClientMsgId(text)
                .setChatId(chatId).setContentType("text/plain").setBody(ByteString.copyFromUtf8(text)).build());
    }

    private ChangeMembershipResponse change(String actor, MembershipChange change, boolean adminsOnly, String... targets) {
        return changeGroup(chatId, actor, MembershipCommand.newBuilder().setChange(change).addAllTargetUserIds(List.of(targets))
                .setMaxMembers(100).setSendAdminsOnly(adminsOnly));
    }

    /** Each entry's text, or for a system message the kind of change. */
    private static List<String> bodies(List<InboxEntry> entries) {
        return entries.stream().map(entry -> entry.getMessage().getContentType().equals(GroupEvents.CONTENT_TYPE)
                ? entry.getMessage().getBody().toStringUtf8().replaceAll("^\\{\"change\":\"([a-z_]+)\".*$", "$1")
                : entry.getMessage().getBody().toStringUtf8()).toList();
    }

    private static List<Long> seqs(List<InboxEntry> entries) {
        return entries.stream().map(entry -> entry.getMessage().getSeq()).toList();
    }
}
