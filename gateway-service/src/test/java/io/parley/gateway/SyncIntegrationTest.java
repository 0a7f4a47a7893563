package io.parley.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.micrometer.core.instrument.MeterRegistry;
import io.parley.gateway.support.TestSocket;
import io.parley.gateway.support.TestTokens;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.Receipt;
import io.parley.proto.chat.v1.ReceiptKind;
import io.parley.proto.gateway.v1.DeliverRequest;
import io.parley.proto.gateway.v1.DeliveryOutcome;
import io.parley.protocol.ClientFrame;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The backlog after a cursor, then the live stream: in inbox_seq order, no gap, no duplicate at the seam. */
class SyncIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void syncSendsTheBacklogAfterTheCursorInPagesThenSynced() {
        String user = TestTokens.newId();
        for (int seq = 1; seq <= 25; seq++) {
            BACKENDS.chat.addMessage(user, "d:a:b", seq, "m" + seq);
        }
        try (TestSocket socket = connect(user, TestTokens.newId())) {
            socket.hello();

            socket.send(new ClientFrame.Sync(null, 0));
            assertThat(inboxSeqs(socket, 25)).containsExactlyElementsOf(range(1, 25));
            assertThat(socket.next()).isEqualTo(new ServerFrame.Synced(25));

            socket.send(new ClientFrame.Sync(null, 20));
            assertThat(inboxSeqs(socket, 5)).containsExactlyElementsOf(range(21, 25));
            assertThat(socket.next()).isEqualTo(new ServerFrame.Synced(25));
        }
    }

    @Test
    void messagesAndReceiptsKeepTheirFields() {
        String user = TestTokens.newId();
        InboxEntry message = BACKENDS.chat.addMessage(user, "d:a:b", 1, "héllo");
        try (TestSocket socket = connect(user, TestTokens.newId())) {
            ServerFrame.Hello hello = socket.hello();
            socket.send(new ClientFrame.Sync(null, 0));

            ServerFrame.Message received = socket.next(ServerFrame.Message.class);
            assertThat(received.messageId()).isEqualTo(message.getMessage().getMessageId());
            assertThat(received.text()).isEqualTo("héllo");
            assertThat(received.from()).isEqualTo("sender");
            assertThat(received.seq()).isEqualTo(1);
            socket.next(ServerFrame.Synced.class);

            delivery().deliver(deliver(user, hello, List.of(InboxEntry.newBuilder().setUserId(user).setInboxSeq(2)
                    .setReceipt(Receipt.newBuilder().setChatId("d:a:b").setUserId("bob").setKind(ReceiptKind.RECEIPT_KIND_READ)
                            .setUpToSeq(1).setAtEpochMillis(5)).build())));

            assertThat(socket.next()).isEqualTo(new ServerFrame.Receipt(2, "d:a:b", "bob",
                    io.parley.protocol.ReceiptKind.READ, 1, 5));
        }
    }

    @Test
    void nothingIsDeliveredBeforeTheFirstSync() throws InterruptedException {
        String user = TestTokens.newId();
        try (TestSocket socket = connect(user, TestTokens.newId())) {
            ServerFrame.Hello hello = socket.hello();
            InboxEntry live = BACKENDS.chat.addMessage(user, "d:a:b", 1, "m1");
            long deliveriesTimed = meters.get("parley.gateway.delivery.latency").timer().count();

            assertThat(delivery().deliver(deliver(user, hello, List.of(live))).getOutcome())
                    .isEqualTo(DeliveryOutcome.DELIVERY_OUTCOME_QUEUED);
            assertThat(meters.get("parley.gateway.delivery.latency").timer().count()).isEqualTo(deliveriesTimed + 1);
            assertThat(socket.quietFor(Duration.ofMillis(300))).isTrue();

            socket.send(new ClientFrame.Sync(null, 0));
            assertThat(inboxSeqs(socket, 1)).containsExactly(1L);
            socket.next(ServerFrame.Synced.class);
        }
    }

    @Test
    void liveEntriesArrivingWhileTheBacklogIsReadAreSentOnceAfterIt() {
        String user = TestTokens.newId();
        for (int seq = 1; seq <= 15; seq++) {
            BACKENDS.chat.addMessage(user, "d:a:b", seq, "m" + seq);
        }
        Semaphore fetches = new Semaphore(0);
        BACKENDS.chat.gateFetches(fetches);
        try (TestSocket socket = connect(user, TestTokens.newId())) {
            ServerFrame.Hello hello = socket.hello();
            socket.send(new ClientFrame.Sync(null, 0));
            await().atMost(Duration.ofSeconds(5)).until(() -> BACKENDS.chat.fetches.get() == 1);

            // While the first page is being read, three more entries are stored and delivered live.
            List<InboxEntry> live = new ArrayList<>();
            for (int seq = 16; seq <= 18; seq++) {
                live.add(BACKENDS.chat.addMessage(user, "d:a:b", seq, "m" + seq));
            }
            delivery().deliver(deliver(user, hello, live.subList(0, 2)));
            delivery().deliver(deliver(user, hello, live.subList(2, 3)));
            fetches.release(100);

            assertThat(inboxSeqs(socket, 18)).containsExactlyElementsOf(range(1, 18));
            assertThat(socket.next()).isEqualTo(new ServerFrame.Synced(18));

            // Live from here; a repeat of an entry already sent is dropped.
            InboxEntry next = BACKENDS.chat.addMessage(user, "d:a:b", 19, "m19");
            delivery().deliver(deliver(user, hello, List.of(live.get(2), next)));
            assertThat(inboxSeqs(socket, 1)).containsExactly(19L);
        }
    }

    @Test
    void aLostLiveDeliveryIsFilledFromTheInbox() {
        String user = TestTokens.newId();
        try (TestSocket socket = connect(user, TestTokens.newId())) {
            ServerFrame.Hello hello = socket.hello();
            socket.send(new ClientFrame.Sync(null, 0));
            socket.next(ServerFrame.Synced.class);

            InboxEntry lost = BACKENDS.chat.addMessage(user, "d:a:b", 1, "never delivered live");
            InboxEntry after = BACKENDS.chat.addMessage(user, "d:a:b", 2, "delivered");
            delivery().deliver(deliver(user, hello, List.of(after)));

            assertThat(inboxSeqs(socket, 2)).containsExactly(lost.getInboxSeq(), after.getInboxSeq());
        }
    }

    @Test
    void aDeviceThatStopsReadingIsDisconnectedNotBufferedWithoutLimit() {
        String user = TestTokens.newId();
        try (TestSocket socket = connect(user, TestTokens.newId())) {
            ServerFrame.Hello hello = socket.hello();
            socket.send(new ClientFrame.Sync(null, 0));
            socket.next(ServerFrame.Synced.class);
            socket.stopReading();

            ByteString body = ByteString.copyFromUtf8("x".repeat(60_000));
            DeliveryOutcome outcome = DeliveryOutcome.DELIVERY_OUTCOME_QUEUED;
            long inboxSeq = 0;
            while (outcome == DeliveryOutcome.DELIVERY_OUTCOME_QUEUED && inboxSeq < 10_000) {
                InboxEntry entry = BACKENDS.chat.addMessage(user, "d:a:b", ++inboxSeq, "m");
                entry = entry.toBuilder().setMessage(entry.getMessage().toBuilder().setBody(body)).build();
                outcome = delivery().deliver(deliver(user, hello, List.of(entry))).getOutcome();
            }

            assertThat(outcome).isEqualTo(DeliveryOutcome.DELIVERY_OUTCOME_OVERLOADED);
            assertThat(delivery().deliver(deliver(user, hello, List.of())).getOutcome())
                    .as("the connection is gone").isEqualTo(DeliveryOutcome.DELIVERY_OUTCOME_NOT_CONNECTED);
            await().atMost(Duration.ofSeconds(5)).until(() -> registry.onlineDevices(user).collectList().block().isEmpty());
        }
    }

    @Test
    void aDeliveryForAnUnknownConnectionIsNotConnected() {
        DeliverRequest stale = DeliverRequest.newBuilder().setUserId("u").setDeviceId("d").setConnectionId("gone").build();

        assertThat(delivery().deliver(stale).getOutcome()).isEqualTo(DeliveryOutcome.DELIVERY_OUTCOME_NOT_CONNECTED);
    }

    private static List<Long> inboxSeqs(TestSocket socket, int count) {
        List<Long> seqs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ServerFrame frame = socket.next();
            assertThat(frame).as("frame %d of %d", i + 1, count).isInstanceOf(ServerFrame.Message.class);
            seqs.add(((ServerFrame.Message) frame).inboxSeq());
        }
        return seqs;
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static DeliverRequest deliver(String user, ServerFrame.Hello hello, List<InboxEntry> entries) {
        return DeliverRequest.newBuilder().setUserId(user).setDeviceId(hello.device()).setConnectionId(hello.connectionId())
                .addAllEntries(entries).build();
    }
}
