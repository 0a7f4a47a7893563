package io.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.ServerFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatSequencerTest {

    private static final long TIMEOUT = 1_000;

    private final ChatSequencer sequencer = new ChatSequencer(TIMEOUT);

    @Test
    void releasesInOrderMessagesAtOnce() {
        assertThat(seqs(sequencer.accept(message("a", 1), 0))).containsExactly(1L);
        assertThat(seqs(sequencer.accept(message("a", 2), 0))).containsExactly(2L);
        assertThat(seqs(sequencer.accept(message("b", 1), 0))).containsExactly(1L);
        assertThat(sequencer.hasGaps()).isFalse();
    }

    @Test
    void holdsBackMessagesBehindAGapUntilItFills() {
        sequencer.accept(message("a", 1), 0);

        assertThat(sequencer.accept(message("a", 3), 10)).isEmpty();
        assertThat(sequencer.accept(message("a", 4), 20)).isEmpty();
        assertThat(sequencer.hasGaps()).isTrue();

        assertThat(seqs(sequencer.accept(message("a", 2), 30))).containsExactly(2L, 3L, 4L);
        assertThat(sequencer.hasGaps()).isFalse();
        assertThat(sequencer.lastSeq("a")).isEqualTo(4);
    }

    @Test
    void dropsRepeatsOfReleasedSeqs() {
        sequencer.accept(message("a", 1), 0);
        sequencer.accept(message("a", 2), 0);

        assertThat(sequencer.accept(message("a", 2), 0)).isEmpty();
        assertThat(sequencer.accept(message("a", 1), 0)).isEmpty();
    }

    @Test
    void reportsAGapThatOutlivesTheTimeoutAndReleasesWhatWaited() {
        sequencer.accept(message("a", 1), 0);
        sequencer.accept(message("a", 4), 100);
        sequencer.accept(message("a", 5), 200);

        assertThat(sequencer.expireGaps(100 + TIMEOUT - 1).gaps()).isEmpty();
        ChatSequencer.Released released = sequencer.expireGaps(100 + TIMEOUT);

        assertThat(released.gaps()).containsExactly(new ChatSequencer.Gap("a", 2, 3));
        assertThat(seqs(released.messages())).containsExactly(4L, 5L);
        assertThat(sequencer.accept(message("a", 2), 2_000)).as("too late: the chat moved on").isEmpty();
    }

    @Test
    void aKnownStartingPointMakesTheFirstMessageAGapCandidate() {
        sequencer.knownUpTo("a", 10);

        assertThat(sequencer.accept(message("a", 12), 0)).isEmpty();
        assertThat(seqs(sequencer.accept(message("a", 11), 0))).containsExactly(11L, 12L);
    }

    @Test
    void aChatSeenForTheFirstTimeStartsAtItsFirstMessage() {
        assertThat(seqs(sequencer.accept(message("new", 57), 0))).containsExactly(57L);
        assertThat(seqs(sequencer.accept(message("new", 58), 0))).containsExactly(58L);
    }

    private static List<Long> seqs(List<ServerFrame.Message> messages) {
        return messages.stream().map(ServerFrame.Message::seq).toList();
    }

    private static ServerFrame.Message message(String chat, long seq) {
        return new ServerFrame.Message(seq, chat + "-" + seq, chat, seq, "u", "d", "c" + seq, "text/plain", new byte[0], 0);
    }
}
