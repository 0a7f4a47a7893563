package io.parley.chat.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AckProgressTest {

    private final AckProgress progress = new AckProgress(100, Duration.ofMinutes(10));

    @Test
    void remembersNothingUntilAValueIsStored() {
        assertThat(progress.cursor("alice", "phone")).isEmpty();
        assertThat(progress.delivered("d:a:b", "alice")).isEmpty();
    }

    @Test
    void aRememberedValueNeverMovesBackWhenAcksCompleteOutOfOrder() {
        progress.cursorStored("alice", "phone", 40);
        progress.cursorStored("alice", "phone", 25);
        progress.deliveredStored("d:a:b", "alice", 9);
        progress.deliveredStored("d:a:b", "alice", 3);

        assertThat(progress.cursor("alice", "phone")).hasValue(40);
        assertThat(progress.delivered("d:a:b", "alice")).hasValue(9);
    }

    @Test
    void devicesAndMembersAreRememberedApart() {
        progress.cursorStored("alice", "phone", 40);
        progress.deliveredStored("d:a:b", "alice", 9);

        assertThat(progress.cursor("alice", "laptop")).isEmpty();
        assertThat(progress.cursor("bob", "phone")).isEmpty();
        assertThat(progress.delivered("d:a:c", "alice")).isEmpty();
    }
}
