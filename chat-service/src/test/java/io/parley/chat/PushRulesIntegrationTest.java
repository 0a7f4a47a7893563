package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.auth.fixtures.TestTokens;
import io.parley.chat.chats.ChatId;
import io.parley.connections.ConnectionRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.connections.GatewayAddress;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.ChangeMembershipRequest;
import io.parley.proto.chat.v1.ChatMembershipGrpc;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.MembershipChange;
import io.parley.proto.chat.v1.MembershipCommand;
import io.parley.proto.chat.v1.PushRequest;
import io.parley.proto.chat.v1.SendRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Who gets a push request (docs/messaging-pipeline.md §5, "Push"): every device that did not take the message live,
 * naming the ones that did; nothing for a chat the user muted or read meanwhile on another device; group messages
 * with the group's name.
 */
class PushRulesIntegrationTest extends ChatServiceIntegrationTest {

    /** Requests held while the user is online elsewhere wait parley.chat.fanout.push-held-while-online (10 s). */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    ConnectionRegistry sessions;
    @Autowired
    MeterRegistry meters;

    @Test
    void bobOnlineOnHisLaptopOnlyHasHisPhonePushedAndNothingOnceHeReadOnTheLaptop() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        send(alice, "phone", chat, "m1", "before the laptop");
        long firstEntry = awaitInbox(bob, 1).get(0).getInboxSeq();
        // Bob's phone synced once (so chat-service knows it), then went offline; his laptop is online.
        chat().ackInbox(AckInboxRequest.newBuilder().setUserId(bob).setDeviceId("phone").setUpToInboxSeq(firstEntry).build());
        String laptop = "laptop-" + bob;
        online(bob, laptop);

        send(alice, "phone", chat, "m2", "while the laptop is open");

        await().atMost(PATIENCE).until(() -> pushedSeqs(bob).contains(2L));
        PushRequest phone = pushRequestsFor(bob).stream().filter(push -> push.getEntry().getMessage().getSeq() == 2).findFirst()
                .orElseThrow();
        assertThat(phone.getReachedDeviceIdsList()).containsExactly(laptop);
        assertThat(phone.getUnreadInChat()).isEqualTo(2);
        assertThat(phone.getEntry().getMessage().getBody().isEmpty()).isTrue();
        // Plain text travels as a short preview, which push-service shows only to users who allowed previews.
        assertThat(phone.getPreview()).isEqualTo("while the laptop is open");
        assertThat(GATEWAY.deliveredTo(laptop)).extracting(entry -> entry.getMessage().getSeq()).contains(2L);

        double readBefore = skipped("read");
        send(alice, "phone", chat, "m3", "read on the laptop at once");
        await().atMost(PATIENCE).until(() -> GATEWAY.deliveredTo(laptop).stream().anyMatch(e -> e.getMessage().getSeq() == 3));
        chat().markRead(MarkReadRequest.newBuilder().setUserId(bob).setDeviceId(laptop).setChatId(chat.value()).setUpToSeq(3).build());
        // push-service hears of the read, to clear the chat's notifications on Bob's other devices.
        await().atMost(PATIENCE).until(() -> !readNoticesFor(bob).isEmpty());
        assertThat(readNoticesFor(bob)).extracting(PushRequest::getRead).singleElement().satisfies(read -> {
            assertThat(read.getChatId()).isEqualTo(chat.value());
            assertThat(read.getReadUpToSeq()).isEqualTo(3);
            assertThat(read.getDeviceId()).isEqualTo(laptop);
        });
        send(alice, "phone", chat, "m4", "not read");

        await().atMost(PATIENCE).until(() -> pushedSeqs(bob).contains(4L));
        assertThat(skipped("read")).isGreaterThan(readBefore);
        assertThat(pushedSeqs(bob)).containsExactly(1L, 2L, 4L);
        assertThat(pushRequestsFor(bob).get(2).getUnreadInChat()).isEqualTo(1);
    }

    @Test
    void aMutedChatProducesNoPushAndTheChatListShowsTheMute() {
        String alice = newUser();
        String carol = newUser();
        String bob = newUser();
        ChatId muted = chatOf(alice, bob);
        ChatId other = chatOf(carol, bob);
        send(alice, "phone", muted, "m1", "before the mute");
        await().atMost(PATIENCE).until(() -> pushedSeqs(bob).contains(1L));
        String token = TestTokens.accessToken(bob, UUID.randomUUID().toString());

        http.put().uri("/v1/chats/" + muted.value() + "/mute").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.muted").isEqualTo(true).jsonPath("$.muted_until").isEmpty();
        double mutedBefore = skipped("muted");
        send(alice, "phone", muted, "m2", "muted");
        send(carol, "phone", other, "m1", "not muted");

        await().atMost(PATIENCE).until(() -> skipped("muted") > mutedBefore
                && pushRequestsFor(bob).stream().anyMatch(push -> push.getEntry().getMessage().getChatId().equals(other.value())));
        assertThat(pushRequestsFor(bob)).extracting(push -> push.getEntry().getMessage().getChatId() + "#"
                + push.getEntry().getMessage().getSeq()).containsExactly(muted.value() + "#1", other.value() + "#1");
        assertThat(chatListRow(token, muted)).containsEntry("muted", true).containsEntry("muted_until", null);
        assertThat(chatListRow(token, other)).containsEntry("muted", false);

        http.put().uri("/v1/chats/" + muted.value() + "/mute").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("for_seconds", 8 * 3600)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.muted_until").isNumber();
        assertThat(((Number) chatListRow(token, muted).get("muted_until")).longValue())
                .isGreaterThan(System.currentTimeMillis() + Duration.ofHours(7).toMillis());
        http.delete().uri("/v1/chats/" + muted.value() + "/mute").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
        send(alice, "phone", muted, "m3", "unmuted again");
        await().atMost(PATIENCE).until(() -> pushedSeqs(bob).contains(3L));
        assertThat(chatListRow(token, muted)).containsEntry("muted", false);
    }

    @Test
    void onlyMembersMuteAChatAndABadDurationIsRefused() {
        String member = newUser();
        ChatId chat = chatOf(member, newUser());
        String outsider = TestTokens.accessToken(newUser(), UUID.randomUUID().toString());
        String group = TestTokens.accessToken(newUser(), UUID.randomUUID().toString());

        http.put().uri("/v1/chats/" + chat.value() + "/mute").headers(h -> h.setBearerAuth(outsider))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER");
        http.delete().uri("/v1/chats/" + chat.value() + "/mute").headers(h -> h.setBearerAuth(outsider)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER");
        http.put().uri("/v1/chats/g:" + UUID.randomUUID() + "/mute").headers(h -> h.setBearerAuth(group))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("NOT_A_MEMBER");
        http.put().uri("/v1/chats/d:zzz:aaa/mute").headers(h -> h.setBearerAuth(outsider))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_CHAT_ID");
        String token = TestTokens.accessToken(member, UUID.randomUUID().toString());
        http.put().uri("/v1/chats/" + chat.value() + "/mute").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("for_seconds", 5)).exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_REQUEST");
        http.put().uri("/v1/chats/" + chat.value() + "/mute").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void groupMessagesArePushedWithTheGroupsNameToMembersWhoDidNotMuteIt() {
        String admin = newUser();
        String bob = newUser();
        String carol = newUser();
        String chatId = "g:" + UUID.randomUUID();
        change(chatId, admin, MembershipChange.CREATED, "{\"name\":\"Climbing\"}", bob, carol);
        http.put().uri("/v1/chats/" + chatId + "/mute").headers(h -> h.setBearerAuth(TestTokens.accessToken(carol,
                UUID.randomUUID().toString()))).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of()).exchange()
                .expectStatus().isOk();
        double mutedBefore = skipped("muted");

        chat().send(SendRequest.newBuilder().setUserId(admin).setDeviceId("phone").setClientMsgId("g-1").setChatId(chatId)
                .setContentType("text/plain").setBody(ByteString.copyFromUtf8("hello climbers")).build());

        await().atMost(PATIENCE).until(() -> pushedSeqs(bob).contains(2L) && skipped("muted") > mutedBefore);
        PushRequest push = pushRequestsFor(bob).stream().filter(p -> p.getEntry().getMessage().getSeq() == 2).findFirst()
                .orElseThrow();
        assertThat(push.getChatName()).isEqualTo("Climbing");
        assertThat(push.getEntry().getMessage().getChatId()).isEqualTo(chatId);
        assertThat(pushRequestsFor(admin)).isEmpty();
        assertThat(pushedSeqs(carol)).doesNotContain(2L);

        change(chatId, admin, MembershipChange.INFO_CHANGED, "{\"name\":\"Bouldering\"}");
        assertThat(cql.execute("SELECT name FROM group_info WHERE chat_id = ?", chatId).one().getString(0))
                .isEqualTo("Bouldering");
    }

    private void online(String userId, String deviceId) {
        String gatewayId = "gw-" + UUID.randomUUID();
        sessions.announceGateway(new GatewayAddress(gatewayId, "127.0.0.1", GATEWAY.port()), Duration.ofMinutes(1)).block();
        sessions.register(new DeviceLocation(userId, deviceId, gatewayId, "c-" + deviceId, 1)).block();
    }

    private void change(String chatId, String actor, MembershipChange change, String details, String... targets) {
        ChatMembershipGrpc.newBlockingStub(channelAs("group-service")).withDeadlineAfter(Duration.ofSeconds(30))
                .changeMembership(ChangeMembershipRequest.newBuilder().setChatId(chatId)
                        .setCommandId(UUID.randomUUID().toString()).setActorUserId(actor)
                        .setCommand(MembershipCommand.newBuilder().setChange(change).addAllTargetUserIds(List.of(targets))
                                .setMaxMembers(100).setDetails(ByteString.copyFromUtf8(details)))
                        .build());
    }

    private List<Long> pushedSeqs(String userId) {
        return pushRequestsFor(userId).stream().map(push -> push.getEntry().getMessage().getSeq()).toList();
    }

    private double skipped(String reason) {
        Counter counter = meters.find("parley.chat.fanout.push.skipped").tags("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> chatListRow(String token, ChatId chat) {
        Map<String, Object> list = http.get().uri("/v1/chats").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) list.get("chats")).stream().filter(row -> chat.value().equals(row.get("chat")))
                .findFirst().orElseThrow();
    }
}
