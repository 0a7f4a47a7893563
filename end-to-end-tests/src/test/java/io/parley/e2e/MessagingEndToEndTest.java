package io.parley.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.parley.client.ChatIds;
import io.parley.client.Sent;
import io.parley.e2e.support.Accounts;
import io.parley.e2e.support.Device;
import io.parley.e2e.support.History;
import io.parley.protocol.ReceiptKind;
import io.parley.protocol.ServerFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The messaging core's promises on a healthy system: order, durability acks, sync, receipts, idempotence. */
@Order(1)
@Timeout(180)
class MessagingEndToEndTest extends EndToEndTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Test
    void twoSendingDevicesAndAReceiverOnOtherGatewaysSeeOneGaplessOrder() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device phone = connect(accounts.login(alice, "phone"), gateway(0));
        Device laptop = connect(accounts.login(alice, "laptop"), gateway(1));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(1));
        assertThat(phone.gateway()).isNotEqualTo(laptop.gateway());
        assertThat(bobsPhone.gateway()).isNotEqualTo(phone.gateway());

        List<CompletableFuture<Sent>> sends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sends.add(phone.sendText(chat, "phone " + i));
            sends.add(laptop.sendText(chat, "laptop " + i));
        }
        List<Sent> sent = sends.stream().map(CompletableFuture::join).toList();

        assertThat(sent).extracting(Sent::messageId).doesNotHaveDuplicates().hasSize(200);
        for (Device sender : List.of(phone, laptop)) {
            assertThat(sender.sentFrames()).hasSize(100)
                    .allSatisfy((clientMsgId, frames) -> assertThat(frames).as("sent frames for " + clientMsgId).hasValue(1));
        }
        await().atMost(DELIVERY).until(() -> bobsPhone.messagesIn(chat).size() >= 200
                && phone.messagesIn(chat).size() >= 200 && laptop.messagesIn(chat).size() >= 200);
        List<String> order = messageIds(bobsPhone.messagesIn(chat));
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::seq).containsExactlyElementsOf(seqs(1, 200));
        assertThat(new HashSet<>(order)).isEqualTo(new HashSet<>(sent.stream().map(Sent::messageId).toList()));
        assertThat(messageIds(phone.messagesIn(chat))).isEqualTo(order);
        assertThat(messageIds(laptop.messagesIn(chat))).isEqualTo(order);
        assertThat(bobsPhone.gaps).isEmpty();
    }

    @Test
    void anOfflineRecipientGetsEverythingInOrderThenTheSenderSeesDeliveredAndRead() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Accounts.SignedInDevice bobsPhone = accounts.login(bob, "phone");
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));

        List<String> texts = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            texts.add("while you were away " + i);
            alicesPhone.sendText(chat, texts.get(i - 1)).join();
        }
        assertThat(alicesPhone.receiptWatermark(chat, bob.userId(), ReceiptKind.DELIVERED)).isZero();

        Device bobOnline = connect(bobsPhone, gateway(1));

        await().atMost(DELIVERY).until(() -> bobOnline.messagesIn(chat).size() >= 50);
        assertThat(bobOnline.messagesIn(chat)).extracting(ServerFrame.Message::seq).containsExactlyElementsOf(seqs(1, 50));
        assertThat(bobOnline.messagesIn(chat)).extracting(ServerFrame.Message::text).containsExactlyElementsOf(texts);
        await().atMost(DELIVERY).until(() -> alicesPhone.receiptWatermark(chat, bob.userId(), ReceiptKind.DELIVERED) == 50);
        assertThat(alicesPhone.receiptWatermark(chat, bob.userId(), ReceiptKind.READ)).isZero();

        bobOnline.markRead(chat, 50);

        await().atMost(DELIVERY).until(() -> alicesPhone.receiptWatermark(chat, bob.userId(), ReceiptKind.READ) == 50);
    }

    @Test
    void aResendUnderTheSameClientMsgIdYieldsTheSameMessageAndNoSecond() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));
        Device bobsPhone = connect(accounts.login(bob, "phone"), gateway(1));

        Sent first = alicesPhone.send("resend-me", chat, "once").join();
        Sent again = alicesPhone.send("resend-me", chat, "once").join();
        Sent marker = alicesPhone.send("after", chat, "after").join();

        assertThat(again.messageId()).isEqualTo(first.messageId());
        await().atMost(DELIVERY).until(() -> bobsPhone.messagesIn(chat).stream()
                .anyMatch(message -> message.messageId().equals(marker.messageId())));
        assertThat(bobsPhone.messagesIn(chat)).extracting(ServerFrame.Message::clientMsgId)
                .containsExactly("resend-me", "after");
        assertThat(history.all(alicesPhone.login, chat)).extracting(History.StoredMessage::clientMsgId)
                .containsExactly("resend-me", "after");
    }

    @Test
    void pagingBackThroughAThousandMessagesReturnsEachOnceAndReadsSetUnreadCounts() {
        Accounts.Account alice = accounts.register("alice");
        Accounts.Account bob = accounts.register("bob");
        String chat = ChatIds.direct(alice.userId(), bob.userId());
        Device alicesPhone = connect(accounts.login(alice, "phone"), gateway(0));
        Accounts.SignedInDevice bobsPhone = accounts.login(bob, "phone");

        List<CompletableFuture<Sent>> sends = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            sends.add(alicesPhone.sendText(chat, "message " + i));
        }
        sends.forEach(CompletableFuture::join);
        await().atMost(Duration.ofSeconds(120)).until(() -> history.chat(bobsPhone, chat) != null
                && history.chat(bobsPhone, chat).lastSeq() == 1000);
        assertThat(history.chat(bobsPhone, chat).unreadCount()).isEqualTo(1000);
        assertThat(history.chat(alicesPhone.login, chat).unreadCount()).as("one's own messages are read").isZero();

        List<History.StoredMessage> pagedBack = new ArrayList<>();
        Long before = null;
        History.Page page;
        do {
            page = history.before(bobsPhone, chat, before, 50);
            assertThat(page.messages()).hasSizeLessThanOrEqualTo(50);
            pagedBack.addAll(page.messages());
            before = page.messages().get(page.messages().size() - 1).seq();
        } while (page.hasMore());

        assertThat(pagedBack).extracting(History.StoredMessage::seq).containsExactlyElementsOf(seqs(1000, 1));
        assertThat(pagedBack).extracting(History.StoredMessage::messageId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(sends.stream().map(CompletableFuture::join).map(Sent::messageId).toList());

        Device bobOnline = connect(bobsPhone, gateway(1));
        bobOnline.markRead(chat, 400);
        await().atMost(DELIVERY).until(() -> history.chat(bobsPhone, chat).unreadCount() == 600);
        bobOnline.markRead(chat, 1000);
        await().atMost(DELIVERY).until(() -> history.chat(bobsPhone, chat).unreadCount() == 0);
        assertThat(history.chat(bobsPhone, chat).readUpToSeq()).isEqualTo(1000);
    }

    static List<Long> seqs(long from, long to) {
        return from <= to ? LongStream.rangeClosed(from, to).boxed().toList()
                : LongStream.rangeClosed(to, from).map(seq -> from + to - seq).boxed().toList();
    }

    static List<String> messageIds(List<ServerFrame.Message> messages) {
        return messages.stream().map(ServerFrame.Message::messageId).toList();
    }
}
