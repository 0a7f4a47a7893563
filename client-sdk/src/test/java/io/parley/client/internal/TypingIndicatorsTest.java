package io.parley.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.protocol.Protocol;
import io.parley.protocol.ServerFrame;
import io.parley.protocol.TypingState;
import org.junit.jupiter.api.Test;

class TypingIndicatorsTest {

    private final TypingIndicators indicators = new TypingIndicators();

    @Test
    void composingShowsOnceAndExpiresUnlessRepeated() {
        assertThat(indicators.received(composing(), 0)).isEqualTo(new TypingIndicators.Change("d:a:b", "alice", true));
        assertThat(indicators.received(composing(), 3_000)).as("a refresh changes nothing visible").isNull();

        assertThat(indicators.expire(3_000 + Protocol.TYPING_EXPIRY_MILLIS - 1)).isEmpty();
        assertThat(indicators.nextExpiry()).hasValue(3_000 + Protocol.TYPING_EXPIRY_MILLIS);
        assertThat(indicators.expire(3_000 + Protocol.TYPING_EXPIRY_MILLIS))
                .containsExactly(new TypingIndicators.Change("d:a:b", "alice", false));
        assertThat(indicators.nextExpiry()).isEmpty();
    }

    @Test
    void pausedOrAMessageEndsTheIndicatorAtOnce() {
        indicators.received(composing(), 0);
        assertThat(indicators.received(new ServerFrame.Typing("d:a:b", "alice", TypingState.PAUSED), 1))
                .isEqualTo(new TypingIndicators.Change("d:a:b", "alice", false));
        assertThat(indicators.received(new ServerFrame.Typing("d:a:b", "alice", TypingState.PAUSED), 2)).isNull();

        indicators.received(composing(), 3);
        assertThat(indicators.messageFrom("d:a:b", "alice")).isEqualTo(new TypingIndicators.Change("d:a:b", "alice", false));
        assertThat(indicators.messageFrom("d:a:b", "alice")).isNull();
    }

    private static ServerFrame.Typing composing() {
        return new ServerFrame.Typing("d:a:b", "alice", TypingState.COMPOSING);
    }
}
