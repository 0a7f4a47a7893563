package io.parley.chat.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import io.parley.proto.chat.v1.Receipt;
import io.parley.proto.chat.v1.ReceiptKind;
import org.junit.jupiter.api.Test;

class InboxEntryKeysTest {

    @Test
    void aMessageIsKnownByItsId() {
        InboxEntry entry = InboxEntry.newBuilder().setUserId("bob")
                .setMessage(ChatMessage.newBuilder().setMessageId("42").setSeq(7)).build();
        assertThat(InboxEntryKeys.of(entry)).isEqualTo("m:42");
    }

    @Test
    void aReceiptIsKnownByTheFactItStates() {
        Receipt receipt = Receipt.newBuilder().setChatId("d:a:b").setUserId("b").setKind(ReceiptKind.RECEIPT_KIND_READ)
                .setUpToSeq(9).setAtEpochMillis(123).build();
        InboxEntry entry = InboxEntry.newBuilder().setUserId("a").setReceipt(receipt).build();
        InboxEntry sameFactLater = entry.toBuilder().setReceipt(receipt.toBuilder().setAtEpochMillis(456)).build();

        assertThat(InboxEntryKeys.of(entry)).isEqualTo("r:d:a:b:b:2:9").isEqualTo(InboxEntryKeys.of(sameFactLater));
    }
}
