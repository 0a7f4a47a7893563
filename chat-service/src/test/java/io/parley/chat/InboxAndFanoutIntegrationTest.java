package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.chat.chats.ChatId;
import io.parley.connections.ConnectionRegistry;
import io.parley.connections.DeviceLocation;
import io.parley.connections.GatewayAddress;
import io.parley.grpc.calls.GrpcMessageLimits;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.FetchInboxRequest;
import io.parley.proto.chat.v1.FetchInboxResponse;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.gateway.v1.DeliveryOutcome;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** Per-user gapless inboxes, sync pages, live delivery through gateways, and push for users with no device online. */
class InboxAndFanoutIntegrationTest extends ChatServiceIntegrationTest {

    @Autowired
    ConnectionRegistry sessions;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void syncPagesOfLargeMessagesAreBoundedByBytesSoTheyAlwaysFitAGatewaysLimit() {
        // 80 bodies of 60 KB: a page of 100 entries would be 4.8 MB, over gRPC's default 4 MiB inbound limit, which
        // this test's client keeps, like a gateway before the limits were set: the device could never sync again.
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        String body = "x".repeat(60_000);
        for (int i = 0; i < 80; i++) {
            send(alice, "phone", chat, "big-" + i, body);
        }
        List<InboxEntry> all = awaitInbox(bob, 80);

        FetchInboxResponse first = chat().fetchInbox(FetchInboxRequest.newBuilder().setUserId(bob).setDeviceId("phone")
                .setAfterInboxSeq(0).setLimit(100).build());

        assertThat(first.getEntriesCount()).isBetween(1, 79);
        assertThat(first.getEntriesList().stream().mapToInt(InboxEntry::getSerializedSize).sum())
                .isLessThanOrEqualTo(GrpcMessageLimits.MAX_INBOX_PAGE_BYTES);
        assertThat(first.getHasMore()).isTrue();
        assertThat(all).extracting(InboxEntry::getInboxSeq).isEqualTo(LongStream.rangeClosed(1, 80).boxed().toList());
    }

    @Test
    void aUsersInboxSeqIsGaplessAcrossChatsAndKeepsEachChatsOrder() {
        String alice = newUser();
        String carol = newUser();
        String bob = newUser();
        ChatId withAlice = chatOf(alice, bob);
        ChatId withCarol = chatOf(carol, bob);

        CompletableFuture<Void> fromAlice = CompletableFuture.runAsync(() -> sendMany(alice, "phone", withAlice, 30));
        CompletableFuture<Void> fromCarol = CompletableFuture.runAsync(() -> sendMany(carol, "phone", withCarol, 30));
        fromAlice.join();
        fromCarol.join();

        List<InboxEntry> bobs = awaitInbox(bob, 60);
        assertThat(bobs).extracting(InboxEntry::getInboxSeq).containsExactlyElementsOf(LongStream.rangeClosed(1, 60).boxed().toList());
        assertThat(seqsOf(bobs, withAlice)).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        assertThat(seqsOf(bobs, withCarol)).containsExactlyElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
    }

    @Test
    void fetchInboxPagesThroughEveryEntryOnce() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 120);
        awaitInbox(bob, 120);

        FetchInboxResponse first = fetch(bob, 0, 50);
        FetchInboxResponse second = fetch(bob, 50, 50);
        FetchInboxResponse third = fetch(bob, 100, 50);
        FetchInboxResponse empty = fetch(bob, 120, 50);

        assertThat(first.getEntriesList()).extracting(InboxEntry::getInboxSeq).containsExactlyElementsOf(range(1, 50));
        assertThat(second.getEntriesList()).extracting(InboxEntry::getInboxSeq).containsExactlyElementsOf(range(51, 100));
        assertThat(third.getEntriesList()).extracting(InboxEntry::getInboxSeq).containsExactlyElementsOf(range(101, 120));
        assertThat(List.of(first.getHasMore(), second.getHasMore(), third.getHasMore(), empty.getHasMore()))
                .containsExactly(true, true, false, false);
        assertThat(first.getLatestInboxSeq()).isEqualTo(120);
        assertThat(empty.getEntriesList()).isEmpty();
        assertThat(fetch(bob, 0, 0).getEntriesCount()).isEqualTo(100);
    }

    @Test
    void fetchInboxRefusesALimitAboveFiveHundred() {
        assertThatThrownBy(() -> fetch(newUser(), 0, 501)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
            assertThat(errorInfo(e).getReason()).isEqualTo("BAD_CURSOR");
        });
    }

    @Test
    void aReProducedInboxEntryIsStoredOnce() throws Exception {
        String bob = newUser();
        InboxEntry entry = InboxEntry.newBuilder().setUserId(bob).setMessage(ChatMessage.newBuilder()
                .setMessageId("123456789").setChatId(chatOf(bob, newUser()).value()).setSeq(1).build()).build();

        kafka.send(INBOX, bob, entry.toByteArray()).get();
        kafka.send(INBOX, bob, entry.toByteArray()).get();
        kafka.send(INBOX, bob, entry.toBuilder().setMessage(entry.getMessage().toBuilder().setMessageId("987654321")).build()
                .toByteArray()).get();

        List<InboxEntry> bobs = awaitInbox(bob, 2);
        assertThat(bobs).extracting(e -> e.getMessage().getMessageId()).containsExactly("123456789", "987654321");
        assertThat(bobs).extracting(InboxEntry::getInboxSeq).containsExactly(1L, 2L);
    }

    @Test
    void everyOnlineDeviceOfEveryMemberGetsTheEntriesLiveInOrder() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        String gatewayId = "gw-" + UUID.randomUUID();
        sessions.announceGateway(new GatewayAddress(gatewayId, "127.0.0.1", GATEWAY.port()), Duration.ofMinutes(1)).block();
        String bobsPhone = "phone-" + bob;
        String alicesLaptop = "laptop-" + alice;
        sessions.register(new DeviceLocation(bob, bobsPhone, gatewayId, "c-" + bobsPhone, 1)).block();
        sessions.register(new DeviceLocation(alice, alicesLaptop, gatewayId, "c-" + alicesLaptop, 1)).block();

        sendMany(alice, "phone", chat, 5);

        await().atMost(Duration.ofSeconds(30)).until(() -> GATEWAY.deliveredTo(bobsPhone).size() >= 5
                && GATEWAY.deliveredTo(alicesLaptop).size() >= 5);
        assertThat(GATEWAY.deliveredTo(bobsPhone)).extracting(InboxEntry::getInboxSeq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(GATEWAY.deliveredTo(bobsPhone)).extracting(e -> e.getMessage().getSeq()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(GATEWAY.deliveredTo(alicesLaptop)).extracting(e -> e.getMessage().getSenderUserId()).containsOnly(alice);
        assertThat(pushRequestsFor(bob)).isEmpty();
    }

    @Test
    void aUserWithNoDeviceOnlineGetsPushRequestsForOthersMessagesOnly() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);

        sendMany(alice, "phone", chat, 2);

        await().atMost(Duration.ofSeconds(30)).until(() -> pushRequestsFor(bob).size() >= 2);
        assertThat(pushRequestsFor(bob)).extracting(push -> push.getEntry().getMessage().getSeq()).containsExactly(1L, 2L);
        assertThat(pushRequestsFor(alice)).isEmpty();
    }

    @Test
    void aStaleSessionDegradesToAPushRequest() {
        String alice = newUser();
        String bob = newUser();
        String gatewayId = "gw-" + UUID.randomUUID();
        sessions.announceGateway(new GatewayAddress(gatewayId, "127.0.0.1", GATEWAY.port()), Duration.ofMinutes(1)).block();
        sessions.register(new DeviceLocation(bob, "phone", gatewayId, "gone-" + bob, 1)).block();
        GATEWAY.answer("gone-" + bob, DeliveryOutcome.DELIVERY_OUTCOME_NOT_CONNECTED);

        send(alice, "phone", chatOf(alice, bob), "m", "hi");

        await().atMost(Duration.ofSeconds(30)).until(() -> pushRequestsFor(bob).size() >= 1);
    }

    private FetchInboxResponse fetch(String userId, long after, int limit) {
        return chat().fetchInbox(FetchInboxRequest.newBuilder().setUserId(userId).setDeviceId("phone")
                .setAfterInboxSeq(after).setLimit(limit).build());
    }

    private static List<Long> seqsOf(List<InboxEntry> entries, ChatId chat) {
        return entries.stream().filter(e -> e.getMessage().getChatId().equals(chat.value())).map(e -> e.getMessage().getSeq()).toList();
    }

    private static List<Long> range(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
