package io.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ServerFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptCountsMemoryTest {

    @Test
    void countsThatArriveOutOfOrderNeverGoDown() {
        ReceiptCountsMemory memory = new ReceiptCountsMemory(10);
        memory.merge(frame(1, new ServerFrame.MessageCounts(4, "m4", 3, 2, 5)));

        ServerFrame.ReceiptCounts older = memory.merge(frame(2, new ServerFrame.MessageCounts(4, "m4", 2, 1, 5),
                new ServerFrame.MessageCounts(6, "m6", 1, 0, 5)));

        assertThat(older.messages()).containsExactly(new ServerFrame.MessageCounts(4, "m4", 3, 2, 5),
                new ServerFrame.MessageCounts(6, "m6", 1, 0, 5));
        assertThat(older.inboxSeq()).isEqualTo(2);
    }

    @Test
    void theOldestMessagesAreForgottenBeyondTheCapacity() {
        ReceiptCountsMemory memory = new ReceiptCountsMemory(1);
        memory.merge(frame(1, new ServerFrame.MessageCounts(4, "m4", 3, 2, 5)));
        memory.merge(frame(2, new ServerFrame.MessageCounts(6, "m6", 1, 0, 5)));

        assertThat(memory.merge(frame(3, new ServerFrame.MessageCounts(4, "m4", 1, 0, 5))).messages())
                .containsExactly(new ServerFrame.MessageCounts(4, "m4", 1, 0, 5));
    }

    private static ServerFrame.ReceiptCounts frame(long inboxSeq, ServerFrame.MessageCounts... counts) {
        return new ServerFrame.ReceiptCounts(inboxSeq, "g:x", List.of(counts), 0);
    }
}
