package io.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChatIdsTest {

    @Test
    void aDirectChatHasTheSameIdWhicheverUserComputesIt() {
        assertThat(ChatIds.direct("bob", "alice")).isEqualTo("d:alice:bob");
        assertThat(ChatIds.direct("alice", "bob")).isEqualTo("d:alice:bob");
    }

    @Test
    void rejectsAChatWithOneselfAndIdsThatWouldBreakTheFormat() {
        assertThatThrownBy(() -> ChatIds.direct("alice", "alice")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChatIds.direct("a:b", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
