package io.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.parley.protocol.ClientFrame;
import io.parley.protocol.ErrorCode;
import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client against scripted gateways: reconnects, resends, dedup, order, acks. */
@Timeout(30)
class ParleyClientTest {

    private final FakeGateway first = new FakeGateway();
    private final FakeGateway second = new FakeGateway();
    private final List<ServerFrame.Message> messages = new CopyOnWriteArrayList<>();
    private final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private ParleyClient client;

    @AfterEach
    void closeEverything() {
        if (client != null) {
            client.close();
        }
        first.close();
        second.close();
    }

    private ParleyClient connect(long cursor) throws Exception {
        client = ParleyClient.builder()
                .endpoints(List.of(first.uri(), second.uri()))
                .accessTokens(() -> CompletableFuture.completedFuture("token-" + tokensIssued.incrementAndGet()))
                .cursor(cursor)
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .ackDelay(Duration.ofMillis(10))
                .gapTimeout(Duration.ofMillis(300))
                .listener(new ParleyListener() {
                    @Override
                    public void onMessage(ServerFrame.Message message) {
                        messages.add(message);
                    }

                    @Override
                    public void onStateChanged(ConnectionState state) {
                        states.add(state);
                    }
                })
                .build();
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    @Test
    void connectsWithTheTokenAndSyncsFromItsCursor() throws Exception {
        connect(41);

        FakeGateway.Received sync = first.next(ClientFrame.Sync.class);
        assertThat(((ClientFrame.Sync) sync.frame()).cursor()).isEqualTo(41);
        assertThat(sync.peer().authorization).isEqualTo("Bearer token-1");
        assertThat(client.state()).isEqualTo(ConnectionState.LIVE);
    }

    @Test
    void showsEachMessageOnceInChatOrderAndAcksWhatItReceived() throws Exception {
        connect(0);
        FakeGateway.Peer peer = first.peers.get(0);

        peer.send(message(1, "m-1", 1));
        peer.send(message(2, "m-2", 2));
        peer.send(message(2, "m-2", 2));
        peer.send(message(3, "m-2", 2));
        peer.send(message(4, "m-4", 4));
        peer.send(message(5, "m-3", 3));

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.size() == 4);
        assertThat(messages).extracting(ServerFrame.Message::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(client.cursor()).isEqualTo(5);
        FakeGateway.Received ack;
        do {
            ack = first.next(ClientFrame.Ack.class);
        } while (((ClientFrame.Ack) ack.frame()).cursor() < 5);
        assertThat(((ClientFrame.Ack) ack.frame()).cursor()).isEqualTo(5);
    }

    @Test
    void aSyncedCursorBelowOursIsAdoptedSoTheEntriesAfterItAreShown() throws Exception {
        first.handle((peer, frame) -> {
            if (frame instanceof ClientFrame.Sync) {
                peer.send(new ServerFrame.Synced(5));
            }
        });
        connect(1_000);
        FakeGateway.Peer peer = first.peers.get(0);

        peer.send(message(6, "m-6", 1));

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.size() == 1);
        assertThat(client.cursor()).isEqualTo(6);
    }

    @Test
    void aGapThatIsNeverFilledIsReportedAndTheMessagesAfterItShown() throws Exception {
        List<String> gaps = new CopyOnWriteArrayList<>();
        client = ParleyClient.builder().endpoint(first.uri()).accessToken("t").gapTimeout(Duration.ofMillis(200))
                .listener(new ParleyListener() {
                    @Override
                    public void onMessage(ServerFrame.Message message) {
                        messages.add(message);
                    }

                    @Override
                    public void onGap(String chat, long fromSeq, long toSeq) {
                        gaps.add(chat + ":" + fromSeq + "-" + toSeq);
                    }
                }).build();
        client.connect().get(10, TimeUnit.SECONDS);
        FakeGateway.Peer peer = first.peers.get(0);

        peer.send(message(1, "m-1", 1));
        peer.send(message(2, "m-4", 4));

        await().atMost(Duration.ofSeconds(5)).until(() -> messages.size() == 2);
        assertThat(gaps).containsExactly("d:a:b:2-3");
    }

    @Test
    void aSendLostWithItsConnectionIsResentUnderTheSameIdElsewhere() throws Exception {
        connect(0);
        first.handle((peer, frame) -> {
            FakeGateway.answerSyncAndPing(peer, frame);
            if (frame instanceof ClientFrame.Send) {
                peer.drop();
            }
        });
        second.handle((peer, frame) -> {
            FakeGateway.answerSyncAndPing(peer, frame);
            if (frame instanceof ClientFrame.Send send) {
                peer.send(new ServerFrame.Sent(send.ref(), send.clientMsgId(), "42"));
            }
        });

        Sent sent = client.send("cid-1", "d:a:b", "text/plain", "hi".getBytes(StandardCharsets.UTF_8)).get(10, TimeUnit.SECONDS);

        assertThat(sent).isEqualTo(new Sent("cid-1", "42"));
        assertThat(((ClientFrame.Send) first.next(ClientFrame.Send.class).frame()).clientMsgId()).isEqualTo("cid-1");
        assertThat(((ClientFrame.Sync) second.next(ClientFrame.Sync.class).frame()).cursor()).isZero();
        FakeGateway.Received retry = second.next(ClientFrame.Send.class);
        assertThat(((ClientFrame.Send) retry.frame()).clientMsgId()).isEqualTo("cid-1");
        assertThat(tokensIssued).as("a fresh token per attempt").hasValue(2);
    }

    @Test
    void aRetriableErrorIsRetriedUnderTheSameIdAndAFinalOneFailsTheSend() throws Exception {
        connect(0);
        AtomicInteger attempts = new AtomicInteger();
        first.handle((peer, frame) -> {
            FakeGateway.answerSyncAndPing(peer, frame);
            if (frame instanceof ClientFrame.Send send && send.clientMsgId().equals("retry-me")) {
                if (attempts.incrementAndGet() < 3) {
                    peer.send(new ServerFrame.Error(send.ref(), ErrorCode.UNAVAILABLE, "kafka down", true));
                } else {
                    peer.send(new ServerFrame.Sent(send.ref(), send.clientMsgId(), "7"));
                }
            } else if (frame instanceof ClientFrame.Send send) {
                peer.send(new ServerFrame.Error(send.ref(), ErrorCode.NOT_A_MEMBER, "not yours", false));
            }
        });

        assertThat(client.sendText("d:a:b", "x").handle((sent, error) -> error)
                .get(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(SendFailedException.class,
                failed -> assertThat(failed.code()).isEqualTo(ErrorCode.NOT_A_MEMBER));
        assertThat(client.send("retry-me", "d:a:b", "text/plain", new byte[] {1}).get(10, TimeUnit.SECONDS).messageId())
                .isEqualTo("7");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aDrainingGatewaySendsItsDevicesElsewhere() throws Exception {
        connect(0);

        first.peers.get(0).send(new ServerFrame.Reconnect("draining"));

        second.next(ClientFrame.Sync.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == ConnectionState.LIVE);
    }

    @Test
    void aReplacedDeviceStopsInsteadOfFightingItsNewerConnection() throws Exception {
        connect(0);

        first.peers.get(0).close(Protocol.CLOSE_REPLACED);

        await().atMost(Duration.ofSeconds(5)).until(() -> client.state() == ConnectionState.STOPPED);
        assertThat(second.peers).isEmpty();
    }

    @Test
    void aSilentServerCountsAsGone() throws Exception {
        client = ParleyClient.builder().endpoints(List.of(first.uri(), second.uri())).accessToken("t")
                .heartbeat(Duration.ofMillis(200), Duration.ofMillis(200)).reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .build();
        first.handle((peer, frame) -> {
            if (frame instanceof ClientFrame.Sync sync) {
                peer.send(new ServerFrame.Synced(sync.cursor()));
            }
        });
        client.connect().get(10, TimeUnit.SECONDS);

        second.next(ClientFrame.Sync.class);
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        connect(0);

        client.close();
        client.close();

        assertThat(client.state()).isEqualTo(ConnectionState.CLOSED);
    }

    @Test
    void aBodyOverTheLimitFailsAtOnce() {
        client = ParleyClient.builder().endpoint(first.uri()).accessToken("t").build();

        assertThatThrownBy(() -> client.send("d:a:b", "application/octet-stream", new byte[Protocol.MAX_BODY_BYTES + 1]).get())
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupReceiptCountsReachTheAppOnceEachNeverLowerThanBefore() throws Exception {
        List<ServerFrame.ReceiptCounts> counts = new CopyOnWriteArrayList<>();
        client = ParleyClient.builder().endpoints(List.of(first.uri())).accessToken("t")
                .listener(new ParleyListener() {
                    @Override
                    public void onReceiptCounts(ServerFrame.ReceiptCounts received) {
                        counts.add(received);
                    }
                }).build();
        client.connect().get(10, TimeUnit.SECONDS);
        FakeGateway.Peer peer = first.peers.get(0);

        peer.send(new ServerFrame.ReceiptCounts(1, "g:x", List.of(new ServerFrame.MessageCounts(4, "m4", 3, 2, 5)), 10));
        peer.send(new ServerFrame.ReceiptCounts(1, "g:x", List.of(new ServerFrame.MessageCounts(4, "m4", 3, 2, 5)), 10));
        peer.send(new ServerFrame.ReceiptCounts(2, "g:x", List.of(new ServerFrame.MessageCounts(4, "m4", 2, 1, 5)), 11));

        await().atMost(Duration.ofSeconds(5)).until(() -> counts.size() == 2);
        assertThat(counts.get(1).messages()).containsExactly(new ServerFrame.MessageCounts(4, "m4", 3, 2, 5));
        assertThat(client.cursor()).isEqualTo(2);
    }

    @Test
    void watchedUsersAreSubscribedOnEveryConnectionAndTheirPresenceReported() throws Exception {
        List<ServerFrame.Presence> presences = new CopyOnWriteArrayList<>();
        client = ParleyClient.builder().endpoints(List.of(first.uri(), second.uri())).accessToken("t")
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .listener(new ParleyListener() {
                    @Override
                    public void onPresence(ServerFrame.Presence presence) {
                        presences.add(presence);
                    }
                }).build();
        client.connect().get(10, TimeUnit.SECONDS);

        client.watchPresence(List.of("alice", "bob"));
        assertThat(((ClientFrame.SubscribePresence) first.next(ClientFrame.SubscribePresence.class).frame()).users())
                .containsExactly("alice", "bob");
        client.unwatchPresence(List.of("bob"));
        assertThat(((ClientFrame.UnsubscribePresence) first.next(ClientFrame.UnsubscribePresence.class).frame()).users())
                .containsExactly("bob");
        first.peers.get(0).send(new ServerFrame.Presence("alice", true, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> presences.size() == 1);

        first.peers.get(0).drop();

        assertThat(((ClientFrame.SubscribePresence) second.next(ClientFrame.SubscribePresence.class).frame()).users())
                .as("subscriptions end with a connection: the next one subscribes again").containsExactly("alice");
    }

    @Test
    void typingIsRefreshedUntilStoppedAndAReceivedIndicatorExpires() throws Exception {
        List<String> typing = new CopyOnWriteArrayList<>();
        client = ParleyClient.builder().endpoint(first.uri()).accessToken("t")
                .listener(new ParleyListener() {
                    @Override
                    public void onTyping(String chat, String user, boolean on) {
                        typing.add(chat + ":" + user + ":" + on);
                    }
                }).build();
        client.connect().get(10, TimeUnit.SECONDS);

        client.startTyping("d:a:b");
        assertThat(((ClientFrame.Typing) first.next(ClientFrame.Typing.class).frame()).state()).isEqualTo(TypingState.COMPOSING);
        assertThat(((ClientFrame.Typing) first.next(ClientFrame.Typing.class).frame()).state())
                .as("repeated while typing").isEqualTo(TypingState.COMPOSING);
        client.stopTyping("d:a:b");
        FakeGateway.Received stopped;
        do {
            stopped = first.next(ClientFrame.Typing.class);
        } while (((ClientFrame.Typing) stopped.frame()).state() == TypingState.COMPOSING);
        assertThat(((ClientFrame.Typing) stopped.frame()).state()).isEqualTo(TypingState.PAUSED);

        first.peers.get(0).send(new ServerFrame.Typing("d:a:b", "bob", TypingState.COMPOSING));
        await().atMost(Duration.ofSeconds(15)).until(() -> typing.size() == 2);
        assertThat(typing).containsExactly("d:a:b:bob:true", "d:a:b:bob:false");
    }

    @Test
    void openChatsAreOpenedOnEveryConnectionAndGroupTypingIsShown() throws Exception {
        List<String> typing = new CopyOnWriteArrayList<>();
        client = ParleyClient.builder().endpoints(List.of(first.uri(), second.uri())).accessToken("t")
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20))
                .listener(new ParleyListener() {
                    @Override
                    public void onTyping(String chat, String user, boolean on) {
                        typing.add(chat + ":" + user + ":" + on);
                    }
                }).build();
        client.connect().get(10, TimeUnit.SECONDS);

        client.openChat("g:team");
        client.openChat("g:family");
        assertThat(first.next(ClientFrame.OpenChat.class).frame()).isEqualTo(new ClientFrame.OpenChat(null, "g:team"));
        assertThat(first.next(ClientFrame.OpenChat.class).frame()).isEqualTo(new ClientFrame.OpenChat(null, "g:family"));
        client.closeChat("g:family");
        assertThat(first.next(ClientFrame.CloseChat.class).frame()).isEqualTo(new ClientFrame.CloseChat(null, "g:family"));
        first.peers.get(0).send(new ServerFrame.Typing("g:team", "bob", TypingState.COMPOSING));
        first.peers.get(0).send(new ServerFrame.Typing("g:team", "carol", TypingState.COMPOSING));
        first.peers.get(0).send(new ServerFrame.Typing("g:team", "bob", TypingState.PAUSED));
        await().atMost(Duration.ofSeconds(5)).until(() -> typing.size() == 3);
        assertThat(typing).containsExactly("g:team:bob:true", "g:team:carol:true", "g:team:bob:false");

        first.peers.get(0).drop();

        assertThat(second.next(ClientFrame.OpenChat.class).frame())
                .as("open chats end with a connection: the next one opens them again")
                .isEqualTo(new ClientFrame.OpenChat(null, "g:team"));
    }

    private static ServerFrame.Message message(long inboxSeq, String messageId, long seq) {
        return new ServerFrame.Message(inboxSeq, messageId, "d:a:b", seq, "bob", "phone", "c-" + messageId, "text/plain",
                messageId.getBytes(StandardCharsets.UTF_8), 1);
    }
}
