package io.parley.chat.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DedupEntryTest {

    @Test
    void roundTripsThroughItsRedisValue() {
        DedupEntry pending = new DedupEntry(DedupEntry.State.PENDING, 123456789L, "d:a:b", 1_700_000_000_000L, -42L);

        assertThat(DedupEntry.decode(pending.encode())).isEqualTo(pending);
        assertThat(DedupEntry.decode(pending.done().encode()))
                .isEqualTo(new DedupEntry(DedupEntry.State.DONE, 123456789L, "d:a:b", 1_700_000_000_000L, -42L));
    }

    @Test
    void aRetryIsTheSameContentInTheSameChat() {
        DedupEntry entry = new DedupEntry(DedupEntry.State.DONE, 1, "d:a:b", 2, 77);

        assertThat(entry.isRetryOf("d:a:b", 77)).isTrue();
        assertThat(entry.isRetryOf("d:a:c", 77)).isFalse();
        assertThat(entry.isRetryOf("d:a:b", 78)).isFalse();
    }

    @Test
    void rejectsValuesItDidNotWrite() {
        assertThatThrownBy(() -> DedupEntry.decode("x|1|2|3|d:a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DedupEntry.decode("d|1")).isInstanceOf(IllegalArgumentException.class);
    }
}
