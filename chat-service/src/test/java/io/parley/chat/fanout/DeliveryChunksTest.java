package io.parley.chat.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.parley.proto.chat.v1.ChatMessage;
import io.parley.proto.chat.v1.InboxEntry;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DeliveryChunksTest {

    @Test
    void smallEntriesTravelInOneCall() {
        List<InboxEntry> entries = entries(5, 100);

        assertThat(DeliveryChunks.of(entries, 1_000_000)).containsExactly(entries);
    }

    @Test
    void chunksKeepTheOrderAndStayWithinTheLimit() {
        List<InboxEntry> entries = entries(10, 3_000);

        List<List<InboxEntry>> chunks = DeliveryChunks.of(entries, 10_000);

        assertThat(chunks).hasSize(4).allSatisfy(chunk ->
                assertThat(chunk.stream().mapToInt(InboxEntry::getSerializedSize).sum()).isLessThanOrEqualTo(10_000));
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(entries);
    }

    @Test
    void anEntryLargerThanTheLimitTravelsAlone() {
        List<InboxEntry> entries = entries(3, 20_000);

        assertThat(DeliveryChunks.of(entries, 10_000)).hasSize(3).allSatisfy(chunk -> assertThat(chunk).hasSize(1));
    }

    private static List<InboxEntry> entries(int count, int bodyBytes) {
        return IntStream.rangeClosed(1, count).mapToObj(seq -> InboxEntry.newBuilder().setUserId("bob").setInboxSeq(seq)
                .setMessage(ChatMessage.newBuilder().setChatId("d:a:b").setSeq(seq)
                        .setBody(ByteString.copyFrom(new byte[bodyBytes])))
                .build()).toList();
    }
}
