package io.parley.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CollapseKeyTest {

    private static final String CHAT = "d:0b5c1a6e-2f0e-4a55-9d3e-1f1b7a0c9e01:7c1d5b2a-9e4f-4c3b-8a6d-2e9f0b1c3d4e";

    @Test
    void isTheSameForTheSameChatAndFitsEveryPlatform() {
        String key = CollapseKey.of(CHAT);
        assertThat(key).isEqualTo(CollapseKey.of(CHAT)).hasSize(22).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void differsBetweenChatsAndDoesNotRevealTheMembers() {
        String other = CHAT.replace("0b5c", "0b5d");
        assertThat(CollapseKey.of(CHAT)).isNotEqualTo(CollapseKey.of(other)).doesNotContain("0b5c1a6e");
    }
}
