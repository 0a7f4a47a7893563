package io.parley.gateway.typing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.protocol.TypingState;
import org.junit.jupiter.api.Test;

class TypingEventTest {

    @Test
    void survivesTheRelayChannel() {
        TypingEvent event = new TypingEvent("d:a:b", "a", TypingState.COMPOSING, "b");

        assertThat(TypingEvent.decode(event.encode())).isEqualTo(event);
    }

    @Test
    void aForeignMessageIsRejected() {
        assertThatThrownBy(() -> TypingEvent.decode("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TypingEvent.decode("d:a:b\na\nshouting\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
