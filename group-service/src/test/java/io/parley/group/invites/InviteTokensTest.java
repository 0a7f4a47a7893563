package io.parley.group.invites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InviteTokensTest {

    @Test
    void tokensAreWellFormedAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = InviteTokens.next();
            assertThat(InviteTokens.wellFormed(token)).as(token).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(InviteTokens.wellFormed(null)).isFalse();
        assertThat(InviteTokens.wellFormed("short")).isFalse();
        assertThat(InviteTokens.wellFormed("A".repeat(21) + "/")).isFalse();
    }
}
