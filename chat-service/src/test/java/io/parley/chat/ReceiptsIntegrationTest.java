package io.parley.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.datastax.oss.driver.api.core.cql.Row;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.parley.chat.chats.ChatId;
import io.parley.proto.chat.v1.AckInboxRequest;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.MarkReadRequest;
import io.parley.proto.chat.v1.Receipt;
import io.parley.proto.chat.v1.ReceiptKind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Receipts are facts from devices: delivery acks and read watermarks, honouring the read-receipts setting. */
class ReceiptsIntegrationTest extends ChatServiceIntegrationTest {

    @Test
    void aDeviceAckGivesTheSenderADeliveredReceiptOnce() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 3);
        List<InboxEntry> bobs = awaitInbox(bob, 3);

        assertThat(ack(bob, "phone", bobs.get(2).getInboxSeq())).isEqualTo(bobs.get(2).getInboxSeq());
        assertThat(ack(bob, "laptop", bobs.get(2).getInboxSeq())).isEqualTo(bobs.get(2).getInboxSeq());
        assertThat(ack(bob, "phone", 1)).isEqualTo(bobs.get(2).getInboxSeq());

        await().atMost(Duration.ofSeconds(30)).until(() -> !receipts(alice).isEmpty());
        send(alice, "phone", chat, "barrier", "after the acks");
        awaitInbox(alice, 5);
        assertThat(receipts(alice)).singleElement().satisfies(receipt -> {
            assertThat(receipt.getKind()).isEqualTo(ReceiptKind.RECEIPT_KIND_DELIVERED);
            assertThat(receipt.getUserId()).isEqualTo(bob);
            assertThat(receipt.getChatId()).isEqualTo(chat.value());
            assertThat(receipt.getUpToSeq()).isEqualTo(3);
        });
    }

    @Test
    void anAckBeyondTheNewestEntryStopsAtTheNewest() {
        String alice = newUser();
        String bob = newUser();
        sendMany(alice, "phone", chatOf(alice, bob), 2);
        List<InboxEntry> bobs = awaitInbox(bob, 2);

        assertThat(ack(bob, "phone", 1_000_000)).isEqualTo(bobs.get(1).getInboxSeq());
        assertThat(cql.execute("SELECT acked_inbox_seq FROM device_cursors WHERE user_id = ? AND device_id = ?", bob,
                "phone").one().getLong(0)).isEqualTo(bobs.get(1).getInboxSeq());
    }

    @Test
    void anAckReadsTheMessageReferenceColumnsNotTheBodies() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 1);
        InboxEntry entry = awaitInbox(bob, 1).get(0);

        Row row = cql.execute("SELECT message_chat_id, message_sender, message_seq FROM inbox_by_user "
                + "WHERE user_id = ? AND bucket = 0 AND inbox_seq = ?", bob, entry.getInboxSeq()).one();
        assertThat(row.getString(0)).isEqualTo(chat.value());
        assertThat(row.getString(1)).isEqualTo(alice);
        assertThat(row.getLong(2)).isEqualTo(entry.getMessage().getSeq());
    }

    @Test
    void rowsStoredBeforeTheReferenceColumnsStillGiveReceipts() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        InboxEntry legacy = InboxEntry.newBuilder().setUserId(bob).setInboxSeq(1)
                .setMessage(ChatMessage.newBuilder().setChatId(chat.value()).setSeq(7)
                        .setMessageId("1").setSenderUserId(alice).setSenderDeviceId("phone").setContentType("text/plain")
                        .setBody(ByteString.copyFromUtf8("from the first release")))
                .build();
        cql.execute("INSERT INTO inbox_by_user (user_id, bucket, inbox_seq, entry_key, entry) VALUES (?, 0, 1, 'm:1', ?)",
                bob, ByteBuffer.wrap(legacy.toByteArray()));

        assertThat(ack(bob, "phone", 1)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).until(() -> !receipts(alice).isEmpty());
        assertThat(receipts(alice)).singleElement().satisfies(receipt -> {
            assertThat(receipt.getKind()).isEqualTo(ReceiptKind.RECEIPT_KIND_DELIVERED);
            assertThat(receipt.getChatId()).isEqualTo(chat.value());
            assertThat(receipt.getUpToSeq()).isEqualTo(7);
        });
    }

    @Test
    void ackingOnesOwnMessagesProducesNoReceipt() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 2);
        List<InboxEntry> alices = awaitInbox(alice, 2);

        ack(alice, "laptop", alices.get(1).getInboxSeq());
        send(bob, "phone", chat, "barrier", "after alice's ack");

        awaitInbox(bob, 3);
        assertThat(receipts(bob)).isEmpty();
    }

    @Test
    void readingSendsAReadReceiptAndClearsTheUnreadCount() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 3);
        awaitInbox(bob, 3);
        assertThat(unread(bob, chat)).isEqualTo(3);

        assertThat(markRead(bob, chat, 100)).isEqualTo(3);
        assertThat(markRead(bob, chat, 1)).isEqualTo(3);

        assertThat(unread(bob, chat)).isZero();
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(alice).stream()
                .anyMatch(r -> r.getKind() == ReceiptKind.RECEIPT_KIND_READ));
        assertThat(receipts(alice)).filteredOn(r -> r.getKind() == ReceiptKind.RECEIPT_KIND_READ).singleElement()
                .satisfies(receipt -> {
                    assertThat(receipt.getUserId()).isEqualTo(bob);
                    assertThat(receipt.getUpToSeq()).isEqualTo(3);
                });
    }

    @Test
    void withReadReceiptsOffTheWatermarkMovesButNoReceiptIsSent() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        DIRECTORY.readReceiptsOff(bob);
        sendMany(alice, "phone", chat, 2);
        awaitInbox(bob, 2);

        assertThat(markRead(bob, chat, 2)).isEqualTo(2);
        send(alice, "phone", chat, "barrier", "after bob's read");

        awaitInbox(alice, 3);
        assertThat(unread(bob, chat)).isEqualTo(1);
        assertThat(receipts(alice)).isEmpty();
    }

    @Test
    void withoutTheUserDirectoryTheWatermarkMovesButNoReceiptIsSent() {
        String alice = newUser();
        String bob = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 2);
        awaitInbox(bob, 2);

        DIRECTORY.setUnavailable(true);
        try {
            assertThat(markRead(bob, chat, 2)).isEqualTo(2);
        } finally {
            DIRECTORY.setUnavailable(false);
        }
        send(alice, "phone", chat, "barrier", "after bob's read");

        awaitInbox(alice, 3);
        assertThat(unread(bob, chat)).isEqualTo(1);
        assertThat(receipts(alice)).isEmpty();
    }

    @Test
    void aUserWhoBlocksTheSenderGivesThemNoReceiptsButTheirOwnWatermarksMove() {
        String alice = newUser();
        String bob = newUser();
        String carol = newUser();
        ChatId chat = chatOf(alice, bob);
        sendMany(alice, "phone", chat, 2);
        List<InboxEntry> bobs = awaitInbox(bob, 2);
        DIRECTORY.block(bob, alice);

        assertThat(ack(bob, "phone", bobs.get(1).getInboxSeq())).isEqualTo(bobs.get(1).getInboxSeq());
        assertThat(markRead(bob, chat, 2)).isEqualTo(2);
        // a barrier on alice's inbox partition: a receipt produced before it would be stored before it
        send(carol, "phone", chatOf(carol, alice), "barrier", "after bob's ack and read");

        awaitInbox(alice, 3);
        assertThat(receipts(alice)).isEmpty();
        assertThat(unread(bob, chat)).isZero();
    }

    @Test
    void onlyMembersMarkAChatRead() {
        ChatId chat = chatOf(newUser(), newUser());

        assertThatThrownBy(() -> markRead(newUser(), chat, 1)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(errorInfo(e).getReason()).isEqualTo("NOT_A_MEMBER");
        });
    }

    private long ack(String userId, String deviceId, long upTo) {
        return chat().ackInbox(AckInboxRequest.newBuilder().setUserId(userId).setDeviceId(deviceId).setUpToInboxSeq(upTo)
                .build()).getAckedInboxSeq();
    }

    private long markRead(String userId, ChatId chat, long upTo) {
        return chat().markRead(MarkReadRequest.newBuilder().setUserId(userId).setDeviceId("phone").setChatId(chat.value())
                .setUpToSeq(upTo).build()).getReadUpToSeq();
    }

    private List<Receipt> receipts(String userId) {
        return inbox(userId).stream().filter(InboxEntry::hasReceipt).map(InboxEntry::getReceipt).toList();
    }

    private long unread(String userId, ChatId chat) {
        return cql.execute("SELECT last_seq, read_seq FROM chats_by_user WHERE user_id = ? AND chat_id = ?", userId,
                chat.value()).all().stream().mapToLong(row -> row.getLong(0) - row.getLong(1)).sum();
    }
}
